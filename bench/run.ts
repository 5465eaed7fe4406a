import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/kernel/config';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { createOrmConfig } from '../src/kernel/database/mikro-orm.config';
import { startOneProcessServer } from '../src/platform/servers';
import { subgraphs } from '../src/subgraphs';
import { loadDemoDataIfEmpty } from '../src/demo-data/load-demo-data';
import { benchQueries, LARGE_LIST, type BenchQuery } from './queries';
import { createSyntheticReferential, writeSyntheticFile } from './synthetic';
import { importReferential } from '../src/import/import-referential';
import { Referential } from '../src/subgraphs/referentials/referential/referential.entity';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const databaseUrl = (name: string): string => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

async function prepareDatabase(): Promise<string> {
  const admin = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
  const exists = await admin.query("select 1 from pg_database where datname = 'rj_bench'");
  if (!exists.rowCount) await admin.query('create database rj_bench');
  await admin.end();
  const url = databaseUrl('rj_bench');
  const orm = await connectOrm(url);
  await migrate(orm);
  await loadDemoDataIfEmpty(orm, loadConfig().dataDir);
  if (!(await orm.em.fork().findOne(Referential, LARGE_LIST))) {
    const file = join(await mkdtemp(join(tmpdir(), 'rj-bench-')), 'synthetic.csv');
    await writeSyntheticFile(file, 17_000);
    await importReferential(url, await createSyntheticReferential(orm.em.fork(), LARGE_LIST), file, { publish: true });
  }
  await orm.close(true);
  return url;
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

async function load(url: string, query: BenchQuery): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query.graphql),
    connections: CONNECTIONS,
    duration: DURATION,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The same data read with plain `pg` at the same concurrency: what PostgreSQL and the driver can do. */
async function plainPg(url: string, query: BenchQuery): Promise<number> {
  if (query.sql.length === 0) return Number.NaN;
  const pool = new Pool({ connectionString: url, max: 10 });
  const deadline = Date.now() + DURATION * 1000;
  let done = 0;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < deadline) {
      for (const statement of query.sql) await pool.query(statement.text, statement.values);
      done += 1;
    }
  }));
  await pool.end();
  return done / DURATION;
}

/** SQL statements one request costs, counted by the ORM's query log on an in-process server. */
async function statementsPerRequest(url: string): Promise<Map<string, number>> {
  let count = 0;
  const orm = await MikroORM.init(createOrmConfig(url, { debug: ['query'], logger: () => count++ }));
  const server = await startOneProcessServer(orm, { host: '127.0.0.1', port: 0 });
  const counts = new Map<string, number>();
  for (const query of benchQueries) {
    count = 0;
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query.graphql) });
    counts.set(query.name, count);
  }
  await server.stop();
  await orm.close(true);
  return counts;
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const url = await prepareDatabase();
  const statements = await statementsPerRequest(url);
  const env = { DATABASE_URL: url, DEMO_DATA: 'false' };
  const oneProcess = await launch('src/main.js', [], { ...env, PORT: '4990' }, 4990);
  const services = await Promise.all(subgraphs.map((s, i) => launch('src/cli/start-subgraph.js', [s.name, '--port', String(4991 + i)], env, 4991 + i)));
  const urls = subgraphs.flatMap((s, i) => ['--subgraph', `${s.name}=http://127.0.0.1:${4991 + i}/graphql`]);
  const gateway = await launch('src/cli/start-gateway.js', [...urls, '--port', '4989'], env, 4989);
  try {
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s per run, ${new Date().toISOString()}\n`);
    console.log('| query | SQL/req | one-process req/s | p50 ms | p99 ms | split req/s | split p99 ms | plain pg ops/s | one-process / pg |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const query of benchQueries) {
      const one = await load('http://127.0.0.1:4990', query);
      const split = await load('http://127.0.0.1:4989', query);
      const pg = await plainPg(url, query);
      const errors = one.errors + split.errors ? ` (${one.errors + split.errors} errors)` : '';
      const ratio = Number.isNaN(pg) ? '–' : (one.rps / pg).toFixed(2);
      console.log(`| ${query.name}${errors} | ${statements.get(query.name)} | ${one.rps.toFixed(0)} | ${one.p50} | ${one.p99} | ${split.rps.toFixed(0)} | ${split.p99} | ${Number.isNaN(pg) ? '–' : pg.toFixed(0)} | ${ratio} |`);
    }
  } finally {
    for (const child of [oneProcess, ...services, gateway]) child.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
