import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../src/kernel/database/database';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { withoutApproval } from '../builders/approval.builder';
import { bearer, Role, testSecurity } from '../support/auth';
import { gql, type Target } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { ormModel } from '../../src/platform/orm-model';
import type { Untyped } from '../support/untyped';

const ENTRY_FIELDS = `code label level parentCode attributes validFrom validTo recordedIn supersededIn parent { code label } children { code }
  ancestors { code } legalReferences { role position raw parsed textKind text codeMnemonic codeName article paragraphs }
  mappings { kind toReferential toCode recordedIn } referential { code name levels }`;

/**
 * Reads build rows, not entities, and resolve the latest published release once per request: two instances on one
 * database, neither caching answers, must still agree with each other and with what mutations return.
 */
describe('entry reads without the response cache, two instances', () => {
  let db: TestDatabase;
  let otherOrm: MikroORM;
  let a: HttpServer;
  let b: HttpServer;
  const cacheSetting = process.env.RESPONSE_CACHE_MB;

  beforeAll(async () => {
    process.env.RESPONSE_CACHE_MB = '0';
    db = await createTestDatabase('demo');
    await withoutApproval('NAC', 'NATINF')(db);
    otherOrm = await connectOrm(db.url, ormModel);
    a = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, await testSecurity());
    b = await startOneProcessServer(otherOrm, { host: '127.0.0.1', port: 0 }, await testSecurity());
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await otherOrm?.close(true);
    await db?.drop();
    if (cacheSetting === undefined) delete process.env.RESPONSE_CACHE_MB;
    else process.env.RESPONSE_CACHE_MB = cacheSetting;
  });

  const steward = (server: HttpServer): Target => ({ url: server.url, authorization: bearer([Role.STEWARD], ['NAC', 'NATINF']) });
  const ok = async (target: Target, query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await gql(target, query, variables);
    expect(errors).toBeUndefined();
    return data;
  };
  const draftOf = async (server: HttpServer, referential: string) =>
    (await ok(steward(server), `mutation($r: ID!) { createDraft(referential: $r) { number version } }`, { r: referential })).createDraft as {
      number: number;
      version: number;
    };

  it('sees a release published on the other instance on its very next read', async () => {
    const read = () =>
      ok(
        a,
        `{ entry(referential: "NAC", code: "20E") { label recordedIn } entries(referential: "NAC", filter: { parentCode: "20" }, first: 100) { edges { node { code label } } } }`,
      );
    const before = await read();
    expect(before.entry.recordedIn).toBe(1);

    const draft = await draftOf(b, 'NAC');
    await ok(
      steward(b),
      `mutation($v: Int!) { upsertEntry(referential: "NAC", expectedVersion: $v, input: { code: "20E", label: "Relabelled on the other instance", parentCode: "20" }) { code } }`,
      { v: draft.version },
    );
    await ok(steward(b), `mutation($v: Int!) { publishRelease(referential: "NAC", expectedVersion: $v) { number } }`, { v: draft.version + 1 });

    const after = await read();
    expect(after.entry).toEqual({ label: 'Relabelled on the other instance', recordedIn: draft.number });
    expect(after.entries.edges.map((e: Untyped) => e.node)).toContainEqual({ code: '20E', label: 'Relabelled on the other instance' });
  });

  it('answers alike for the entry a mutation returns (an entity) and the same entry read back (a row)', async () => {
    const answers: Record<string, Untyped> = {};
    for (const [referential, input] of [
      ['NAC', { code: '20Z', label: 'Autres demandes', parentCode: '20' }],
      [
        'NATINF',
        {
          code: '99999',
          label: 'INFRACTION DE TEST',
          attributes: { nature: 'Délit' },
          legalReferences: { definedBy: 'ART.L.234-1 AL.1 C.ROUTE.', punishedBy: 'texte illisible' },
        },
      ],
    ] as const) {
      const draft = await draftOf(a, referential);
      const written = await ok(
        steward(a),
        `mutation($r: ID!, $v: Int!, $input: UpsertEntryInput!) { upsertEntry(referential: $r, expectedVersion: $v, input: $input) { ${ENTRY_FIELDS} } }`,
        { r: referential, v: draft.version, input },
      );
      const read = await ok(steward(a), `query($r: ID!, $code: ID!, $rel: Int) { entry(referential: $r, code: $code, release: $rel) { ${ENTRY_FIELDS} } }`, {
        r: referential,
        code: input.code,
        rel: draft.number,
      });
      expect(read.entry).toEqual(written.upsertEntry);
      answers[referential] = read.entry;
    }
    // Not vacuous: the relations were there to compare.
    expect(answers.NAC).toMatchObject({ parent: { code: '20' }, ancestors: [{ code: '2' }, { code: '20' }], referential: { code: 'NAC' } });
    expect(answers.NATINF.legalReferences).toEqual([
      expect.objectContaining({ role: 'DEFINES', article: 'L.234-1', codeMnemonic: 'C.ROUTE.', codeName: 'Code de la route', paragraphs: ['AL.1'] }),
      expect.objectContaining({ role: 'PUNISHES', parsed: false, raw: 'texte illisible', codeName: null }),
    ]);
  });
});
