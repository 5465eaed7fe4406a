import 'reflect-metadata';
import { loadConfig } from '../kernel/config';
import { connectOrm, migrate } from '../kernel/database/database';
import { ormModel } from '../platform/orm-model';

/**
 * `npm run migration:draft`: applies the existing migrations to DATABASE_URL, then prints the SQL the entities still
 * need. Review it, put it in a new file under migrations/, list it in migrations/index.ts.
 */
async function main(): Promise<void> {
  const { databaseUrl } = loadConfig();
  if (!databaseUrl) throw new Error('set DATABASE_URL to a scratch database');
  const orm = await connectOrm(databaseUrl, ormModel);
  await migrate(orm);
  console.log((await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim() || '-- nothing to migrate');
  await orm.close(true);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
