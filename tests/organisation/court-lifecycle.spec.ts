import { CourtType } from '../../src/subgraphs/organisation/court/court-type.enum';
import { Court } from '../../src/subgraphs/organisation/court/court.entity';
import { aCompetence, aCourt } from '../builders/court.builder';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { once } from '../support/once';
import { useTestServer } from '../support/test-server';

const MERGE = `mutation($input: MergeCourtsInput!) { mergeCourts(input: $input) {
  target { code } closed { code validTo } transferredCompetences reattachedCourts } }`;

describe('court creation, closure and mergers', () => {
  const t = useTestServer('empty', async (db) => {
    const em = db.orm.em.fork();
    const ca = aCourt(em, { code: '800000', type: CourtType.COUR_APPEL, name: "Cour d'appel de Fusionville" });
    const tjA = aCourt(em, { code: '800001', parent: ca, name: 'Tribunal judiciaire de Amont' });
    const tjB = aCourt(em, { code: '800002', parent: ca, name: 'Tribunal judiciaire de Aval' });
    aCourt(em, { code: '800003', parent: tjB, type: CourtType.TRIBUNAL_PROXIMITE, name: 'Tribunal de proximité de Aval-Nord' });
    for (const insee of ['02001', '02002']) aCompetence(em, insee, tjA);
    aCompetence(em, '02003', tjB);
    await em.flush();
  });

  // Courts are stewarded like a referential, under the code SRJ.
  const steward = () => t.as([Role.STEWARD], ['SRJ']);
  const tjOf = async (insee: string, at: string) => {
    const { data } = await gql(t.server, `query($i: String!, $at: LocalDate) { competentCourts(insee: $i, at: $at) { type court { code } } }`, {
      i: insee,
      at,
    });
    return data.competentCourts.find((c: { type: string }) => c.type === 'TRIBUNAL_JUDICIAIRE')?.court.code;
  };
  const competenceRows = async () => Number((await t.db.orm.em.fork().execute('select count(*) as n from territorial_competence'))[0].n);

  // The suite's story, each step run once by the first test that needs it, so that any test passes alone.
  const courtCreated = once(async () => {
    const input = { code: '800010', type: 'TRIBUNAL_JUDICIAIRE', name: 'Tribunal judiciaire de Confluence', parentCode: '800000', validFrom: '2025-01-01' };
    const created = await gql(steward(), `mutation($input: CreateCourtInput!) { createCourt(input: $input) { code shortName parent { code } validFrom } }`, {
      input,
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createCourt).toEqual({
      code: '800010',
      shortName: 'TRIBUNAL JUDICIAIRE DE CONFLUENCE',
      parent: { code: '800000' },
      validFrom: '2025-01-01',
    });
    const again = await gql(steward(), `mutation($input: CreateCourtInput!) { createCourt(input: $input) { code } }`, { input });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  const tjsMerged = once(async () => {
    await courtCreated();
    const { data, errors } = await gql(steward(), MERGE, { input: { sourceCodes: ['800001', '800002'], targetCode: '800010', on: '2025-01-01' } });
    expect(errors).toBeUndefined();
    expect(data.mergeCourts).toEqual({
      target: { code: '800010' },
      closed: [
        { code: '800001', validTo: '2025-01-01' },
        { code: '800002', validTo: '2025-01-01' },
      ],
      transferredCompetences: 3,
      reattachedCourts: 1,
    });
    expect(await tjOf('02001', '2024-12-31')).toBe('800001');
    expect(await tjOf('02001', '2025-01-01')).toBe('800010');
    expect(await tjOf('02003', '2024-06-01')).toBe('800002');
    expect(await tjOf('02003', '2026-06-01')).toBe('800010');
    const { data: tree } = await gql(t.server, `{ court(code: "800003") { parent { code } } }`);
    expect(tree.court.parent.code).toBe('800010');
  });

  it('creates a court, and refuses a duplicate code with CONFLICT', () => courtCreated());

  it('merges two TJs into the new one: communes and attached courts follow, history stays', () => tjsMerged());

  it('refuses invalid mergers with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    await tjsMerged();
    const before = await competenceRows();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sourceCodes: ['800010'], targetCode: '800010', on: '2026-01-01' }, 'BAD_USER_INPUT', 'input.sourceCodes'],
      [{ sourceCodes: ['800003'], targetCode: '800010', on: '2026-01-01' }, 'BAD_USER_INPUT', 'input.sourceCodes'],
      [{ sourceCodes: ['800001'], targetCode: '800010', on: '2026-01-01' }, 'BAD_USER_INPUT', 'input.on'],
      [{ sourceCodes: ['999999'], targetCode: '800010', on: '2026-01-01' }, 'NOT_FOUND', 'input.sourceCodes'],
      [{ sourceCodes: [], targetCode: '800010', on: '2026-01-01' }, 'BAD_USER_INPUT', 'input.sourceCodes'],
    ];
    for (const [input, code, field] of cases) {
      const { errors } = await gql(steward(), MERGE, { input });
      expect(errors?.[0].extensions).toMatchObject({ code, field });
    }
    expect(await competenceRows()).toBe(before);
  });

  it('refuses attaching a created court to a court of the wrong type, and writes nothing', async () => {
    const create = `mutation($input: CreateCourtInput!) { createCourt(input: $input) { code } }`;
    for (const [type, parentCode] of [
      ['TRIBUNAL_JUDICIAIRE', '800001'], // a TJ below a TJ
      ['COUR_APPEL', '800000'], // an appeal court has no parent
      ['TRIBUNAL_PROXIMITE', '800000'], // a tribunal de proximité belongs to a TJ
    ]) {
      const input = { code: '800030', type, name: 'Juridiction mal rattachée', parentCode };
      const { errors } = await gql(steward(), create, { input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentCode' });
      expect(errors?.[0].message).toContain(`cannot be attached to ${parentCode}`);
    }
    expect((await gql(t.server, `{ court(code: "800030") { code } }`)).data).toEqual({ court: null });
    const input = { code: '800031', type: 'TRIBUNAL_PROXIMITE', name: 'Tribunal de proximité de Amont-Sud', parentCode: '800001' };
    expect((await gql(steward(), create, { input })).errors).toBeUndefined();
  });

  it('refuses merging a court into one below it (a parent of itself), and writes nothing', async () => {
    // A TJ below another TJ, as a file may hold it (the API refuses to create one): merging the upper one into it
    // would reattach the lower one to itself.
    const em = t.db.orm.em.fork();
    const ca = await em.findOneOrFail(Court, '800000');
    const upper = aCourt(em, { code: '800020', parent: ca, name: 'Tribunal judiciaire de Haut' });
    aCourt(em, { code: '800021', parent: upper, name: 'Tribunal judiciaire de Bas' });
    await em.flush();
    const { errors } = await gql(steward(), MERGE, { input: { sourceCodes: ['800020'], targetCode: '800021', on: '2026-01-01' } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetCode' });
    const { data } = await gql(t.server, `{ court(code: "800021") { parent { code } ancestors { code } } upper: court(code: "800020") { validTo } }`);
    expect(data).toEqual({ court: { parent: { code: '800020' }, ancestors: [{ code: '800000' }, { code: '800020' }] }, upper: { validTo: null } });
  });

  it('closes a court with its competences, and refuses closing it twice', async () => {
    const closed = await gql(steward(), `mutation { closeCourt(code: "800003", on: "2026-03-01") { validTo } }`);
    expect(closed.data.closeCourt).toEqual({ validTo: '2026-03-01' });
    const twice = await gql(steward(), `mutation { closeCourt(code: "800003", on: "2026-04-01") { validTo } }`);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  });
});
