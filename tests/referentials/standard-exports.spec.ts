import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { importReferential } from '../../src/subgraphs/referentials/import/import-referential';
import { Referential } from '../../src/subgraphs/referentials/referential/referential.entity';
import { withoutApproval } from '../builders/approval.builder';
import { aReferential, gqlOk } from '../builders/referential-release.builder';
import { bearer, Role } from '../support/auth';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const XKOS = 'http://rdf-vocabulary.ddialliance.org/xkos#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BASE = 'https://referentiels.justice.gouv.fr/id/';
const SDMX_ID = /^[A-Za-z0-9_@$-]+$/;

/** The SDMX-JSON 2.0 structure message's required members for a codelist (structural check of its schema). */
const SDMX_JSON_SCHEMA = {
  type: 'object',
  required: ['meta', 'data'],
  properties: {
    meta: {
      type: 'object',
      required: ['id', 'prepared', 'sender'],
      properties: {
        id: { type: 'string', pattern: SDMX_ID.source },
        test: { type: 'boolean' },
        prepared: { type: 'string', format: 'date-time' },
        sender: { type: 'object', required: ['id'] },
        contentLanguages: { type: 'array', items: { type: 'string' } },
      },
    },
    data: {
      type: 'object',
      required: ['codelists'],
      properties: {
        codelists: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['id', 'agencyID', 'version', 'name', 'codes'],
            properties: {
              id: { type: 'string', pattern: SDMX_ID.source },
              agencyID: { type: 'string' },
              version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
              isExternalReference: { type: 'boolean' },
              name: { type: 'string' },
              names: { type: 'object', additionalProperties: { type: 'string' } },
              codes: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'name'],
                  additionalProperties: false,
                  properties: {
                    id: { type: 'string', pattern: SDMX_ID.source },
                    name: { type: 'string' },
                    names: { type: 'object' },
                    parent: { type: 'string', pattern: SDMX_ID.source },
                    annotations: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['type'],
                        properties: { type: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' }, texts: { type: 'object' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** SKOS/XKOS and SDMX exports, and the plain HTTP entry API with its OpenAPI document, through HTTP. */
describe('standard exports and the plain HTTP entry API', () => {
  const t = useTestServer('demo', withoutApproval('NAC'));
  let nacEntries = 0;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.server.url}${path}`, { headers });
  const turtleQuads = async (text: string): Promise<Quad[]> => new Parser({ format: 'text/turtle' }).parse(text);
  const objects = (quads: Quad[], subject: string, predicate: string) =>
    quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);

  beforeAll(async () => {
    // Release 2 of NAC: 20E ends on 2026-01-01, replaced by the new 20F (a crosswalk REPLACED_BY).
    const admin = t.as([Role.ADMIN]);
    const { version } = (await gqlOk(admin, `mutation { createDraft(referential: "NAC") { version } }`)).createDraft;
    await gqlOk(
      admin,
      `mutation($v: Int!) { upsertEntry(referential: "NAC", expectedVersion: $v, input: { code: "20F", label: "Divorce (procédure 2026)", parentCode: "20", validFrom: "2026-01-01" }) { code } }`,
      { v: version },
    );
    await gqlOk(admin, `mutation($v: Int!) { endDateEntry(referential: "NAC", expectedVersion: $v, code: "20E", validTo: "2026-01-01") { code } }`, {
      v: version + 1,
    });
    await gqlOk(
      admin,
      `mutation($v: Int!) { addEntryMapping(referential: "NAC", expectedVersion: $v, fromCode: "20E", kind: REPLACED_BY, toReferential: "NAC", toCode: "20F") { kind } }`,
      { v: version + 2 },
    );
    await gqlOk(admin, `mutation($v: Int!) { publishRelease(referential: "NAC", expectedVersion: $v) { number } }`, { v: version + 3 });
    nacEntries = (await gqlOk(t.server, `{ entries(referential: "NAC", first: 1) { totalCount } }`)).entries.totalCount;
  });

  it('exports NAC as a SKOS concept scheme in Turtle that an RDF parser reads, with XKOS levels, validity, history and the correspondence', async () => {
    const response = await get('/exports/NAC?format=skos');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/turtle/);
    const quads = await turtleQuads(await response.text());
    const scheme = `${BASE}NAC`;
    const concepts = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}Concept`).map((q) => q.subject.value);
    expect(concepts.length).toBe(nacEntries);
    expect(objects(quads, scheme, RDF_TYPE)).toEqual([`${SKOS}ConceptScheme`]);
    expect(objects(quads, scheme, `${XKOS}numberOfLevels`)).toEqual(['3']);
    const levels = quads.filter((q) => q.predicate.value === `${XKOS}depth`).map((q) => [q.subject.value, q.object.value]);
    expect(levels).toEqual([
      [`${BASE}NAC/level/1`, '1'],
      [`${BASE}NAC/level/2`, '2'],
      [`${BASE}NAC/level/3`, '3'],
    ]);
    expect(objects(quads, `${BASE}NAC/level/3`, `${SKOS}member`)).toContain(`${BASE}NAC/20E`);
    expect(objects(quads, `${BASE}NAC/20E`, `${SKOS}broader`)).toEqual([`${BASE}NAC/20`]);
    expect(objects(quads, `${BASE}NAC/20E`, 'http://schema.org/validUntil')).toEqual(['2026-01-01']);
    expect(objects(quads, `${BASE}NAC/20E`, `${SKOS}historyNote`)[0]).toMatch(/release 2, after 1 earlier version/);
    expect(objects(quads, `${BASE}NAC/20E`, 'http://purl.org/dc/terms/isReplacedBy')).toEqual([`${BASE}NAC/20F`]);
    const [association] = objects(quads, `${BASE}NAC/correspondence/NAC`, `${XKOS}madeOf`);
    expect(objects(quads, association, `${XKOS}sourceConcept`)).toEqual([`${BASE}NAC/20E`]);
    expect(objects(quads, association, `${XKOS}targetConcept`)).toEqual([`${BASE}NAC/20F`]);
  });

  it('gives the same graph as JSON-LD, by Accept or by format', async () => {
    const byAccept = await get('/exports/NAC?format=skos', { accept: 'application/ld+json' });
    expect(byAccept.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = await byAccept.json();
    const turtle = await (await get('/exports/NAC?format=skos-turtle')).text();
    expect((await get('/exports/NAC?format=skos-jsonld')).headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
    // The conversion holds the event loop longer than the server's keep-alive: let the client see its idle sockets closed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fromJsonLd = new Parser({ format: 'N-Quads' }).parse(nquads);
    const fromTurtle = await turtleQuads(turtle);
    // Blank nodes (the RDF list of levels) are named differently by each parser: compare the rest, triple for triple.
    const named = (quads: Quad[]) =>
      new Set(
        quads
          .filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode')
          .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}`),
      );
    expect(named(fromJsonLd).size).toBeGreaterThan(nacEntries * 5);
    expect(named(fromJsonLd)).toEqual(named(fromTurtle));
  });

  it('exports NAC as an SDMX-ML 3.0 structure message: a codelist with agency, version, validity and hierarchy', async () => {
    const response = await get('/exports/NAC?format=sdmx');
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.sdmx\.structure\+xml/);
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      isArray: (name) => ['str:Code', 'com:Annotation'].includes(name),
    }).parse(text);
    const structure = parsed['mes:Structure'];
    expect(structure['@xmlns:mes']).toBe('http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message');
    expect(structure['@xmlns:str']).toBe('http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure');
    expect(Object.keys(structure['mes:Header'])).toEqual(['mes:ID', 'mes:Test', 'mes:Prepared', 'mes:Sender']);
    const codelist = structure['mes:Structures']['str:Codelists']['str:Codelist'];
    expect(codelist).toMatchObject({
      '@id': 'CL_NAC',
      '@agencyID': 'FR1_MJ',
      '@version': '2.0.0',
      '@urn': 'urn:sdmx:org.sdmx.infomodel.codelist.Codelist=FR1_MJ:CL_NAC(2.0.0)',
    });
    const codes: Untyped[] = codelist['str:Code'];
    expect(codes.length).toBe(nacEntries);
    const ids = new Set(codes.map((c) => c['@id']));
    for (const code of codes) {
      expect(code['@id']).toMatch(SDMX_ID);
      // SDMX-ML 3.0 CodeType: Annotations, then Name, then Parent (a code of the same list).
      expect(Object.keys(code).filter((k) => !k.startsWith('@'))).toEqual(['com:Annotations', 'com:Name', ...(code['str:Parent'] ? ['str:Parent'] : [])]);
      if (code['str:Parent']) expect(ids.has(code['str:Parent'])).toBe(true);
    }
    const ended = codes.find((c) => c['@id'] === '20E');
    const annotation = (type: string) => ended['com:Annotations']['com:Annotation'].find((a: Untyped) => a['com:AnnotationType'] === type);
    expect(annotation('VALID_TO')['com:AnnotationTitle']).toBe('2026-01-01');
    expect(annotation('REPLACED_BY')['com:AnnotationTitle']).toBe('20F');
    expect(annotation('LEVEL')['com:AnnotationText']['#text']).toBe("Nature d'affaire");
  });

  it('exports the same codelist as SDMX-JSON 2.0, valid against the structure message schema', async () => {
    const response = await get('/exports/NAC?format=sdmx-json');
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.sdmx\.structure\+json/);
    const message = (await response.json()) as Untyped;
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(SDMX_JSON_SCHEMA);
    expect(validate(message) ? [] : validate.errors).toEqual([]);
    const codes: Untyped[] = message.data.codelists[0].codes;
    expect(codes.length).toBe(nacEntries);
    expect(codes.find((c) => c.id === '20F')).toMatchObject({
      parent: '20',
      annotations: expect.arrayContaining([{ type: 'VALID_FROM', title: '2026-01-01' }]),
    });
    expect((await get('/exports/NAC?format=sdmx', { accept: 'application/vnd.sdmx.structure+json' })).headers.get('content-type')).toMatch(/json/);
  });

  it('refuses a bad release or day, or an unknown referential, in the one error form', async () => {
    const missing = await get('/exports/NAC?format=skos&release=99');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [{ message: expect.stringContaining('no release 99'), extensions: { code: 'NOT_FOUND', reason: 'RELEASE_NOT_FOUND', field: 'release' } }],
    });
    expect((await get('/exports/NAC?format=sdmx&at=2026-13-45')).status).toBe(400);
    expect((await get('/exports/NOPE?format=skos')).status).toBe(404);
  });

  it('streams a list longer than one page whole (keyset pages)', async () => {
    await aReferential(t.as([Role.ADMIN]), 'LONG_LIST');
    const dir = await mkdtemp(join(tmpdir(), 'rj-long-'));
    try {
      const path = join(dir, 'long.csv');
      await writeFile(path, ['code;label', ...Array.from({ length: 4_500 }, (_v, i) => `L${String(i).padStart(5, '0')};Libellé ${i}`)].join('\n'));
      const referential = await t.db.orm.em.fork().findOneOrFail(Referential, 'LONG_LIST');
      expect((await importReferential(t.db.url, referential, path, { publish: true, actor: 'test' })).outcome).toBe('WRITTEN');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const quads = await turtleQuads(await (await get('/exports/LONG_LIST?format=skos')).text());
    const notations = quads.filter((q) => q.predicate.value === `${SKOS}notation`).map((q) => q.object.value);
    expect(new Set(notations).size).toBe(4_501); // the scheme's and every code's
  });

  describe('GET /api/referentials/{code}/entries/{entry}', () => {
    it('answers an entry on a day with its successors, and its successor with its predecessors', async () => {
      const response = await get('/api/referentials/NAC/entries/20E?date=2025-06-01');
      expect(response.status).toBe(200);
      const body = (await response.json()) as Untyped;
      expect(body).toMatchObject({
        referential: 'NAC',
        code: '20E',
        date: '2025-06-01',
        release: 2,
        entry: { code: '20E', parentCode: '20', level: 3, validTo: '2026-01-01', recordedIn: 2 },
        predecessors: [],
      });
      expect(body.successors).toEqual([{ referential: 'NAC', code: '20F', label: 'Divorce (procédure 2026)' }]);
      const next = (await (await get('/api/referentials/nac/entries/20F?date=2026-06-01')).json()) as Untyped;
      expect(next.predecessors).toEqual([{ referential: 'NAC', code: '20E', label: expect.any(String) }]);
      expect((await get('/api/referentials/NAC/entries/20E?date=2026-06-01')).status).toBe(404); // no longer in force
    });

    it('answers the whole history with date=*', async () => {
      const body = (await (await get('/api/referentials/NAC/entries/20E?date=*')).json()) as Untyped;
      expect(body.versions.map((v: Untyped) => [v.recordedIn, v.supersededIn, v.validTo])).toEqual([
        [1, 2, null],
        [2, null, '2026-01-01'],
      ]);
      expect(body.entry).toBeUndefined();
    });

    it('is cacheable: the same answer has the same ETag, and If-None-Match gets a 304', async () => {
      const first = await get('/api/referentials/NAC/entries/20E?date=*');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      const again = await get('/api/referentials/NAC/entries/20E?date=*', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect((await get('/api/referentials/NAC/entries/20E?date=2025-01-01', { 'if-none-match': etag })).status).toBe(200);
    });

    it('refuses a bad date (400) and an unknown referential or entry (404) in the GraphQL error form', async () => {
      const bad = await get('/api/referentials/NAC/entries/20E?date=2025-02-30');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        errors: [{ message: expect.stringContaining('date must be a day'), extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'date' } }],
      });
      const unknown = await get('/api/referentials/NAC/entries/NOPE');
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as Untyped).errors[0].extensions).toEqual({ code: 'NOT_FOUND', reason: 'ENTRY_NOT_FOUND', field: 'entry' });
      expect((await get('/api/referentials/NOPE/entries/1')).status).toBe(404);
    });

    it('is described by a valid OpenAPI 3.1 document', async () => {
      const document = (await (await get('/api/openapi.json')).json()) as Untyped;
      expect(document.openapi).toBe('3.1.0');
      await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
      expect(Object.keys(document.paths)).toEqual(['/api/referentials/{code}/entries/{entry}', '/exports/{code}']);
    });
  });
});

describe('the entry API without anonymous reads', () => {
  const t = useTestServer('demo', undefined, { anonymousRead: false });

  it('refuses an anonymous caller with 401, and answers an authenticated one', async () => {
    const anonymous = await fetch(`${t.server.url}/api/referentials/NAC/entries/20E`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as Untyped).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${t.server.url}/exports/NAC?format=skos`)).status).toBe(401);
    const reader = await fetch(`${t.server.url}/api/referentials/NAC/entries/20E`, { headers: { authorization: await bearer([Role.READER]) } });
    expect(reader.status).toBe(200);
  });
});
