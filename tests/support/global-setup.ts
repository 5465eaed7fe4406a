import 'reflect-metadata';
import { Client } from 'pg';
import { connectOrm, migrate } from '../../src/kernel/database/database';
import { startEmbeddedPostgres } from '../../src/kernel/database/embedded-postgres';
import { loadDemoDataIfEmpty } from '../../src/demo-data/load-demo-data';
import { ormModel } from '../../src/platform/orm-model';
import { loadSrjExtract } from '../../src/subgraphs/organisation/srj-extract-load/load-srj-extract';
import { loadConfig } from '../../src/kernel/config';
import { RUN_PREFIX, TEMPLATES, adminUrl, databaseUrl } from './test-database';

/**
 * Once per run: template databases built with the real migrations, one empty and one holding the shared SRJ
 * data; every suite then clones the one it needs (CREATE DATABASE … TEMPLATE), which takes well under a second.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres(`${process.cwd()}/.data/test-postgres`, 54330);
    process.env.DATABASE_URL = embedded.url;
    (globalThis as { stopEmbedded?: () => Promise<void> }).stopEmbedded = embedded.stop;
  }
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  // `npm run test:alone` starts Jest once per suite: the templates its first run builds serve all the others.
  const reuse = process.env.TEST_TEMPLATES_REUSE;
  if (reuse && (await templatesBuiltBy(admin, reuse))) {
    await admin.end();
    forgetDecoratorMetadata();
    return;
  }
  // Leftovers of killed runs would otherwise pile up.
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [RUN_PREFIX]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  for (const template of [TEMPLATES.empty, TEMPLATES.srj]) {
    await admin.query(`create database "${template}"`);
    const orm = await connectOrm(databaseUrl(template), ormModel);
    await migrate(orm);
    if (template === TEMPLATES.srj) await loadSrjExtract(orm.em.fork(), loadConfig().dataDir);
    await orm.close(true);
  }
  // The demo template starts from the SRJ one rather than importing the courts again.
  await admin.query(`create database "${TEMPLATES.demo}" template "${TEMPLATES.srj}"`);
  await admin.end();
  const demo = await connectOrm(databaseUrl(TEMPLATES.demo), ormModel);
  await loadDemoDataIfEmpty(demo, loadConfig().dataDir);
  await demo.close(true);
  // Marked last: a run killed while building leaves templates that the next run rebuilds.
  if (reuse) await runSql(`comment on database "${TEMPLATES.demo}" is '${reuse.replace(/'/g, "''")}'`);
  forgetDecoratorMetadata();
}

async function templatesBuiltBy(admin: Client, reuse: string): Promise<boolean> {
  const { rows } = await admin.query<{ comment: string | null }>(
    "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
    [TEMPLATES.demo],
  );
  return rows[0]?.comment === reuse;
}

async function runSql(sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

/**
 * Jest copies this process's globals into every test sandbox: decorator registries filled here (MikroORM's,
 * type-graphql's) would leak into suites as objects of another realm and break them.
 */
function forgetDecoratorMetadata(): void {
  const globals = globalThis as Record<string, unknown>;
  for (const key of Object.keys(globals)) {
    if (key.startsWith('mikro-orm-') || key === 'TypeGraphQLMetadataStorage') delete globals[key];
  }
}
