import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../src/kernel/database/read-rows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Reads outside a transaction are prepared statements (read-rows.ts): the same rows as the ORM's inlined values. */
describe('readRows', () => {
  let db: TestDatabase;
  let em: EntityManager;
  // One connection: the statements it prepared are the ones pg_prepared_statements lists.
  beforeAll(async () => {
    db = await createTestDatabase('srj', { pool: { min: 1, max: 1 } });
    em = db.orm.em.fork() as EntityManager;
  });
  afterAll(() => db?.drop());

  const inlined = (sql: string, params: unknown[]) => em.getConnection().execute(sql, params);

  it('reads as the inlined statement does, whatever the values', async () => {
    const sql = 'select ? as text, ? as number, ? as flag, ? as nothing, code from court where code = ? or name = ? order by code';
    for (const params of [
      ["l'apostrophe", 42, true, null, '100039', 'x'],
      ['é\u00e9 \\ ; --', -1.5, false, null, 'nope', "Cour d'Appel de Lyon"],
      ['$1 ? ??', 0, true, null, '', ''],
      ['', 5_000_000_000, false, null, '100023', ''],
      ['x', -2_147_483_647, true, null, '100023', ''],
    ]) {
      expect(await readRows(em, sql, params)).toEqual(await inlined(sql, params));
    }
  });

  it('reads int8 as the text PostgreSQL sends and dates as text, through readRows and the ORM alike', async () => {
    const sql = "select 9007199254740993::int8 as big, (-5)::int8 as negative, count(*) as n, date '2026-01-02' as day from court";
    const [row] = await readRows<Record<string, unknown>>(em, sql);
    expect(row).toEqual({ big: '9007199254740993', negative: '-5', n: expect.stringMatching(/^[1-9]\d*$/), day: '2026-01-02' });
    expect(await inlined(sql, [])).toEqual([row]);
  });

  it('prepares a statement once per connection, under its name', async () => {
    const sql = 'select code from court where parent_code = ? order by code limit ?';
    const first = await readRows<{ code: string }>(em, sql, ['100023', 3]);
    expect(await readRows(em, sql, ['100023', 3])).toEqual(first);
    const prepared = await readRows<{ statement: string }>(em, "select statement from pg_prepared_statements where name like 'rj_read_%'");
    expect(prepared.map((p) => p.statement)).toContain('select code from court where parent_code = $1 order by code limit $2::int4');
  });

  it('inlines lists, and values PostgreSQL cannot type from the statement alone', async () => {
    expect(await readRows(em, 'select code from court where code in (?) order by code', [['100023', '100039']])).toEqual([
      { code: '100023' },
      { code: '100039' },
    ]);
    // `$1 is null` has no type: refused once when prepared (42P18), then run with the value inlined, and so on after.
    for (let i = 0; i < 2; i++) expect(await readRows(em, 'select ? is null as missing', [null])).toEqual([{ missing: true }]);
  });

  it('reports a failing statement as the ORM does', async () => {
    await expect(readRows(em, 'select code from no_such_table where code = ?', ['x'])).rejects.toThrow(/no_such_table/);
    expect(await readRows(em, 'select 1 as one where ? = ?', [1, 1])).toEqual([{ one: 1 }]);
  });
});
