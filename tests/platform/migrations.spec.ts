import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Schema changes go through migrations only: after them, the entities must need no further DDL. */
describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(() => db.drop());

  it('leave nothing pending and produce exactly the schema the entities describe', async () => {
    expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
    const drift = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
  });

  it('roll back to an empty database and apply again', async () => {
    const migrator = db.orm.getMigrator();
    const executed = await migrator.getExecutedMigrations();
    await migrator.down({ to: 0 });
    const { rows } = await db.orm.em
      .getConnection()
      .getKnex()
      .raw("select count(*)::int as n from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations'");
    expect(rows[0].n).toBe(0);
    await migrator.up();
    expect((await migrator.getExecutedMigrations()).length).toBe(executed.length);
  });
});
