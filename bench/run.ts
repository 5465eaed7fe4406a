import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/kernel/config';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { createOrmConfig } from '../src/kernel/database/mikro-orm.config';
import { ormModel } from '../src/platform/orm-model';
import { startOneProcessServer } from '../src/platform/servers';
import { subgraphs } from '../src/subgraphs';
import { loadDemoDataIfEmpty } from '../src/demo-data/load-demo-data';
import { benchQueries, atQuery, LARGE_LIST, NATINF_SIZED, type BenchQuery } from './queries';
import { createHistoryList, growHistory, HISTORY_LIST } from './history';
import { createSyntheticReferential, writeSyntheticFile } from './synthetic';
import { importReferential } from '../src/subgraphs/referentials/import/import-referential';
import { Referential } from '../src/subgraphs/referentials/referential/referential.entity';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Unmeasured load before each run: the figures are the steady state, not the first plans and JIT compilation. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const LARGE_ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
/** Kept between runs; a run at other sizes should name another one. */
const DATABASE = process.env.BENCH_DATABASE ?? 'rj_bench';
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const databaseUrl = (name: string): string => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

/** The bench database: demo data and two synthetic lists, loaded through the import once (the database is kept between runs). */
async function prepareDatabase(): Promise<{ url: string; releases: { natinfSized: number; large: number } }> {
  const admin = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  if (!exists.rowCount) await admin.query(`create database "${DATABASE}"`);
  await admin.end();
  const url = databaseUrl(DATABASE);
  const orm = await connectOrm(url, ormModel);
  await migrate(orm);
  await loadDemoDataIfEmpty(orm, loadConfig().dataDir);
  for (const [code, rows] of [[NATINF_SIZED, 17_000], [LARGE_LIST, LARGE_ENTRIES]] as const) {
    if (await orm.em.fork().findOne(Referential, code)) continue;
    console.error(`loading ${rows.toLocaleString('en')} synthetic entries into ${code} through the import…`);
    const file = join(await mkdtemp(join(tmpdir(), 'rj-bench-')), `${code}.csv`);
    await writeSyntheticFile(file, rows);
    await importReferential(url, await createSyntheticReferential(orm.em.fork(), code), file, { publish: true });
  }
  console.error(`building ${HISTORY_LIST} (200,000 entries, 2 releases)…`);
  await createHistoryList(url, orm.em.fork());
  await growHistory(url, 2);
  // The history list is rebuilt each run: vacuumed now, autovacuum has nothing left to do during the measurements.
  await orm.em.fork().execute('vacuum analyze referential_entry, legal_reference, change_event, referential_release');
  const latest = async (code: string) => Number((await orm.em.fork().execute(`select max(number) as n from referential_release where referential_code = ? and status = 'PUBLISHED'`, [code]))[0].n);
  const releases = { natinfSized: await latest(NATINF_SIZED), large: await latest(LARGE_LIST) };
  await orm.close(true);
  return { url, releases };
}

/** Starts a built entry point in its own process (the load generator must not share its event loop), ready on /healthz. */
async function launch(script: string, args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  // The bench measures throughput, not the per-client rate limit: 50 connections from one IP would hit it at once.
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', script), ...args], { env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not answer on port ${port}`);
}

async function load(url: string, query: Pick<BenchQuery, 'graphql'>): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query.graphql),
    connections: CONNECTIONS,
    duration: DURATION,
    ...(WARMUP > 0 ? { warmup: { connections: CONNECTIONS, duration: WARMUP } } : {}),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The same data read with plain `pg` at the same concurrency: what PostgreSQL and the driver can do. */
async function plainPg(url: string, query: BenchQuery): Promise<number> {
  if (query.sql.length === 0) return Number.NaN;
  const pool = new Pool({ connectionString: url, max: 10 });
  const run = async (seconds: number): Promise<number> => {
    const deadline = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        for (const statement of query.sql) await pool.query(statement.text, statement.values);
        done += 1;
      }
    }));
    return done;
  };
  await run(WARMUP);
  const done = await run(DURATION);
  await pool.end();
  return done / DURATION;
}

/** SQL statements one request costs, counted by the ORM's query log on an in-process server. */
async function statementsPerRequest(url: string, queries: BenchQuery[]): Promise<Map<string, number>> {
  let count = 0;
  // The resolvers' statements: with the cache on, each request adds one read of the data versions.
  process.env.RESPONSE_CACHE_MB = '0';
  const orm = await MikroORM.init(createOrmConfig(url, ormModel, { debug: ['query'], logger: () => count++ }));
  const server = await startOneProcessServer(orm, { host: '127.0.0.1', port: 0 });
  const counts = new Map<string, number>();
  for (const query of queries) {
    count = 0;
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query.graphql) });
    counts.set(query.name, count);
  }
  await server.stop();
  await orm.close(true);
  delete process.env.RESPONSE_CACHE_MB;
  return counts;
}

const ratio = (a: number, b: number): string => (Number.isNaN(b) ? '–' : (a / b).toFixed(2));

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const { url, releases } = await prepareDatabase();
  const queries = benchQueries(releases);
  const statements = await statementsPerRequest(url, queries);
  const env = { DATABASE_URL: url, DEMO_DATA: 'false' };
  const uncached = { ...env, RESPONSE_CACHE_MB: '0' };
  const cachedServer = await launch('src/main.js', [], { ...env, PORT: '4990' }, 4990);
  const oneProcess = await launch('src/main.js', [], { ...uncached, PORT: '4988' }, 4988);
  const services = await Promise.all(subgraphs.map((s, i) => launch('src/cli/start-subgraph.js', [s.name, '--port', String(4991 + i)], uncached, 4991 + i)));
  const urls = subgraphs.flatMap((s, i) => ['--subgraph', `${s.name}=http://127.0.0.1:${4991 + i}/graphql`]);
  const gateway = await launch('src/cli/start-gateway.js', [...urls, '--port', '4989'], uncached, 4989);
  try {
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s of warm-up, ${LARGE_ENTRIES.toLocaleString('en')}-entry list, ${new Date().toISOString()}\n`);
    console.log('| query | SQL/req | one-process req/s | p50 ms | p99 ms | cached req/s | cached p99 ms | cached / uncached | split req/s | split p99 ms | plain pg ops/s | one-process / pg |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const totals = { one: 0, cached: 0, pg: 0 };
    for (const query of queries) {
      const one = await load('http://127.0.0.1:4988', query);
      const cached = await load('http://127.0.0.1:4990', query);
      const split = await load('http://127.0.0.1:4989', query);
      const pg = await plainPg(url, query);
      const errors = one.errors + cached.errors + split.errors;
      // A query that completed nothing in a run makes the mix's rate 0: counted as such, never as a division by 0.
      if (!Number.isNaN(pg)) Object.assign(totals, { one: totals.one + 1 / Math.max(one.rps, 1e-9), cached: totals.cached + 1 / Math.max(cached.rps, 1e-9), pg: totals.pg + 1 / pg });
      console.log(`| ${query.name}${errors ? ` (${errors} errors)` : ''} | ${statements.get(query.name)} | ${one.rps.toFixed(0)} | ${one.p50} | ${one.p99} | ${cached.rps.toFixed(0)} | ${cached.p99} | ${ratio(cached.rps, one.rps)} | ${split.rps.toFixed(0)} | ${split.p99} | ${Number.isNaN(pg) ? '–' : pg.toFixed(0)} | ${ratio(one.rps, pg)} |`);
    }
    // The mix's rate: as many requests of each kind, so the time per request adds up (harmonic mean).
    console.log(`\nmix with a plain-pg equivalent: one-process ${(1 / totals.one).toFixed(0)} req/s, cached ${(1 / totals.cached).toFixed(0)} req/s, plain pg ${(1 / totals.pg).toFixed(0)} ops/s: one-process / pg ${ratio(1 / totals.one, 1 / totals.pg)}, cached / uncached ${ratio(totals.one, totals.cached)}`);

    const before = await load('http://127.0.0.1:4988', { graphql: atQuery(HISTORY_LIST, 'B1234') });
    await growHistory(url, 20);
    const after = await load('http://127.0.0.1:4988', { graphql: atQuery(HISTORY_LIST, 'B1234') });
    console.log(`\n\`at\` query as history grows (${HISTORY_LIST}, a tenth of the leaves re-versioned per release, uncached):`);
    console.log('| releases | req/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |');
    console.log(`| 2 | ${before.rps.toFixed(0)} | ${before.p50} | ${before.p99} |\n| 20 | ${after.rps.toFixed(0)} | ${after.p50} | ${after.p99} |`);
    console.log(`10× the releases: p50 × ${(after.p50 / Math.max(before.p50, 1)).toFixed(2)}, rate × ${(after.rps / before.rps).toFixed(2)}`);
  } finally {
    for (const child of [cachedServer, oneProcess, ...services, gateway]) child.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
