import { anApplication, aUsage } from '../builders/catalog.builder';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';
import { gqlOk } from '../builders/referential-release.builder';

const SCHEMA = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['natinf', 'defendant'],
  additionalProperties: false,
  properties: {
    natinf: { type: 'string', pattern: '^[0-9]{1,5}$' },
    defendant: { type: 'object', required: ['lastName'], properties: { lastName: { type: 'string' }, birthDate: { type: 'string', format: 'date' } } },
    charges: { type: 'array', items: { type: 'string', pattern: '^[0-9]{1,5}$' } },
  },
});

const CREATE = `mutation($input: CreateExchangeInput!) { createExchange(input: $input) { code status signatureLevel producer { application { code name } } consumers { partner partnerName application { code } } referentials { code } } }`;
const VALIDATE = `query($payload: JSON!, $version: String!) { validateMessage(exchange: "AVIS_PENAL", version: $version, payload: $payload) { valid errors { path keyword message } } }`;

describe('exchanges API', () => {
  const t = useTestServer('empty', async (db) => {
    const em = db.orm.em.fork();
    const cassiopee = anApplication(em, { code: 'CASSIOPEE', name: 'Cassiopée' });
    anApplication(em, { code: 'APPI', name: 'APPI' });
    aUsage(em, cassiopee, 'NATINF', { legalTexts: ['Code de procédure pénale, art. R15-33-66'] });
    await em.flush();
  });

  // The suite's story, each step run once by the first test that needs it, so that any test passes alone.
  const exchangeCreated = once(async () => {
    const { data, errors } = await gql(t.as([Role.ARCHITECT]), CREATE, {
      input: {
        code: 'AVIS_PENAL',
        name: 'Avis pénaux',
        format: 'JSON',
        transport: 'MESSAGE_QUEUE',
        signatureLevel: 'ADVANCED',
        status: 'ACTIVE',
        retentionPeriod: 'P10Y',
        producer: { applicationCode: 'CASSIOPEE' },
        consumers: [{ applicationCode: 'APPI' }, { partner: 'PRISON_ADMINISTRATION', partnerName: 'GENESIS' }],
        referentialCodes: ['NATINF'],
        legalTexts: ['Code de procédure pénale, art. 712-4'],
      },
    });
    expect(errors).toBeUndefined();
    expect(data.createExchange).toEqual({
      code: 'AVIS_PENAL',
      status: 'ACTIVE',
      signatureLevel: 'ADVANCED',
      producer: { application: { code: 'CASSIOPEE', name: 'Cassiopée' } },
      consumers: [
        { partner: null, partnerName: null, application: { code: 'APPI' } },
        { partner: 'PRISON_ADMINISTRATION', partnerName: 'GENESIS', application: null },
      ],
      referentials: [{ code: 'NATINF' }],
    });
    const filtered = await gql(
      t.server,
      `{ natinf: exchanges(filter: { referentialCode: "NATINF" }) { code } nac: exchanges(filter: { referentialCode: "NAC" }) { code } dap: exchanges(filter: { partner: PRISON_ADMINISTRATION, status: ACTIVE }) { code } }`,
    );
    expect(filtered.data).toEqual({ natinf: [{ code: 'AVIS_PENAL' }], nac: [], dap: [{ code: 'AVIS_PENAL' }] });
    const apps = await gql(t.server, `{ application(code: "APPI") { exchanges(role: CONSUMER) { code } } }`);
    expect(apps.data.application.exchanges).toEqual([{ code: 'AVIS_PENAL' }]);
  });

  const schemaVersionsStored = once(async () => {
    await exchangeCreated();
    const add = `mutation($input: AddSchemaVersionInput!) { addSchemaVersion(input: $input) { version language status } }`;
    const ok = await gql(t.as([Role.ARCHITECT]), add, {
      input: { exchangeCode: 'AVIS_PENAL', version: '1.0', language: 'JSON_SCHEMA', status: 'PUBLISHED', content: SCHEMA },
    });
    expect(ok.data.addSchemaVersion).toEqual({ version: '1.0', language: 'JSON_SCHEMA', status: 'PUBLISHED' });
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="avis" type="xs:string"/></xs:schema>';
    expect(
      (await gql(t.as([Role.ARCHITECT]), add, { input: { exchangeCode: 'AVIS_PENAL', version: '0.9', language: 'XSD', content: xsd } })).errors,
    ).toBeUndefined();
    const broken = await gql(t.as([Role.ARCHITECT]), add, {
      input: { exchangeCode: 'AVIS_PENAL', version: '2.0', language: 'JSON_SCHEMA', content: '{"type": "nope"}' },
    });
    expect(broken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });

    const valid = await gql(t.server, VALIDATE, { version: '1.0', payload: { natinf: '7125', defendant: { lastName: 'Dupont', birthDate: '1990-02-03' } } });
    expect(valid.data.validateMessage).toEqual({ valid: true, errors: [] });
    const invalid = await gql(t.server, VALIDATE, {
      version: '1.0',
      payload: { natinf: 'X', defendant: { birthDate: '1990-13-45' }, charges: ['12', 'abc'], extra: 1 },
    });
    const paths = invalid.data.validateMessage.errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`);
    expect(invalid.data.validateMessage.valid).toBe(false);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/extra additionalProperties',
        '/natinf pattern',
        '/defendant/lastName required',
        '/defendant/birthDate format',
        '/charges/1 pattern',
      ]),
    );
    const onXsd = await gql(t.server, VALIDATE, { version: '0.9', payload: {} });
    expect(onXsd.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const deprecate = await gql(
      t.as([Role.ARCHITECT]),
      `mutation { setSchemaVersionStatus(exchange: "AVIS_PENAL", version: "0.9", status: DEPRECATED) { status } }`,
    );
    expect(deprecate.data.setSchemaVersionStatus).toEqual({ status: 'DEPRECATED' });
    const missing = await gql(t.server, VALIDATE, { version: '7', payload: {} });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'version' });
    const noExchange = await gql(t.server, `{ validateMessage(exchange: "NOPE", version: "1.0", payload: {}) { valid } }`);
    expect(noExchange.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'exchange' });
  });

  it('creates an exchange between an application and partners, and shows it on Application', () => exchangeCreated());

  it('refuses bad exchanges, naming the field', async () => {
    await exchangeCreated();
    const base = { code: 'X1', name: 'x', format: 'XML', transport: 'EMAIL', producer: { applicationCode: 'CASSIOPEE' }, consumers: [{ partner: 'TREASURY' }] };
    const cases: [object, string, string][] = [
      [{ ...base, producer: { applicationCode: 'CASSIOPEE', partner: 'POLICE' } }, 'BAD_USER_INPUT', 'input.producer'],
      [{ ...base, consumers: [{ applicationCode: 'NOPE' }] }, 'BAD_USER_INPUT', 'input.consumers.0.applicationCode'],
      [{ ...base, consumers: [] }, 'BAD_USER_INPUT', 'input.consumers'],
      [{ ...base, retentionPeriod: '10 years' }, 'BAD_USER_INPUT', 'input.retentionPeriod'],
      [{ ...base, code: 'AVIS_PENAL' }, 'CONFLICT', 'input.code'],
    ];
    for (const [input, code, field] of cases) {
      const { errors } = await gql(t.as([Role.ARCHITECT]), CREATE, { input });
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
  });

  it('stores schema versions and validates sample messages with precise paths', () => schemaVersionsStored());

  it("answers alike from a mutation's entity and from read rows (by code, in lists, through Application.exchanges)", async () => {
    await schemaVersionsStored();
    const scalars = 'code name description messageTypes format transport signatureLevel retentionPeriod retentionLegalBasis status legalTexts illustrative';
    const fields = `${scalars}
      producer { role partner partnerName application { code } } consumers { role partner partnerName application { code } }
      referentials { code } schemaVersions { id version language status content publishedOn }`;
    const written = await gql(t.as([Role.ARCHITECT]), `mutation { setExchangeStatus(code: "AVIS_PENAL", status: ACTIVE) { ${fields} } }`);
    expect(written.errors).toBeUndefined();
    const exchange = written.data.setExchangeStatus;
    expect(exchange).toMatchObject({
      retentionPeriod: 'P10Y',
      producer: { role: 'PRODUCER', application: { code: 'CASSIOPEE' } },
      referentials: [{ code: 'NATINF' }],
    });
    expect(exchange.schemaVersions.map((v: { version: string }) => v.version)).toEqual(['0.9', '1.0']);
    // One read per request, lists with fewer fields: each stays under the cost limit.
    const read = (query: string) => gqlOk(t.server, query);
    expect(await read(`{ exchange(code: "AVIS_PENAL") { ${fields} } none: exchange(code: "NOPE") { code } }`)).toEqual({ exchange, none: null });
    const scalarsOf = (value: Record<string, unknown>) => Object.fromEntries(scalars.split(' ').map((key) => [key, value[key]]));
    expect(await read(`{ exchanges { ${scalars} producer { role application { code } } } }`)).toEqual({
      exchanges: [{ ...scalarsOf(exchange), producer: { role: 'PRODUCER', application: { code: 'CASSIOPEE' } } }],
    });
    expect(await read(`{ application(code: "APPI") { exchanges { ${fields} } } }`)).toEqual({ application: { exchanges: [exchange] } });
  });

  it('answers null, not an error, for a code holding a lone surrogate (JSON escapes it, jsonb would refuse it)', async () => {
    const { data, errors } = await gql(t.server, 'query($code: ID!) { exchange(code: $code) { code } application(code: $code) { code } }', {
      code: '\udfff\ud800',
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ exchange: null, application: null });
  });

  it('follows a schema version and a legal text to the applications touched', async () => {
    await schemaVersionsStored();
    const schema = await gql(
      t.server,
      `{ impactOf(change: { exchangeSchema: { exchangeCode: "AVIS_PENAL", version: "1.0" } }) { applications { application { code } paths { explanation } } exchanges { exchange { code transport } } } }`,
    );
    expect(schema.errors).toBeUndefined();
    expect(schema.data.impactOf.exchanges).toEqual([{ exchange: { code: 'AVIS_PENAL', transport: 'MESSAGE_QUEUE' } }]);
    expect(schema.data.impactOf.applications.map((a: { application: { code: string } }) => a.application.code)).toEqual(['APPI', 'CASSIOPEE']);
    const legal = await gql(
      t.server,
      `{ impactOf(change: { legalText: "code de procedure penale, ART. R15-33-66" }) { applications { application { code } paths { explanation } } notes } }`,
    );
    expect(legal.data.impactOf.applications).toEqual([
      {
        application: { code: 'CASSIOPEE' },
        paths: [{ explanation: 'legal text code de procedure penale, ART. R15-33-66 → requires the use of referential NATINF → by application CASSIOPEE' }],
      },
    ]);
    expect(legal.data.impactOf.notes.join(' ')).not.toMatch(/pending/); // referentials citing the text are followed now
  });
});
