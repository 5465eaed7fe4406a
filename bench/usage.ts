import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/kernel/config';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { ormModel } from '../src/platform/orm-model';
import { loadSrjExtract } from '../src/subgraphs/organisation/srj-extract-load/load-srj-extract';
import type { MikroORM } from '@mikro-orm/postgresql';
import { readCommittedSupergraph } from '../src/gateway/supergraph';
import { ANONYMOUS } from '../src/kernel/auth/principal';
import { operationHash } from '../src/kernel/http/operation-allowlist.plugin';
import { supergraphApiSchema } from '../src/kernel/usage/supergraph-api-schema';
import { loadUsageConfig } from '../src/kernel/usage/usage-config';
import { UsageRecorder } from '../src/kernel/usage/usage-recorder';

/**
 * `npm run bench:usage`: what counting observed usage costs the cached path. The cached court-by-code query of the
 * main bench, against two one-process servers that differ only by `USAGE_TRACKING`, measured in alternation
 * (off, on, off, on…) so that drift of the shared machine falls on both alike.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DATABASE = process.env.BENCH_USAGE_DATABASE ?? 'rj_bench_usage';
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUERY = { query: 'query Court($code: ID!) { court(code: $code) { code name type parent { code name } } }', variables: { code: '100039' } };

const databaseUrl = (name: string): string => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

async function prepareDatabase(): Promise<string> {
  const admin = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
  if (!(await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount) await admin.query(`create database "${DATABASE}"`);
  await admin.end();
  const url = databaseUrl(DATABASE);
  const orm = await connectOrm(url, ormModel);
  await migrate(orm);
  const [{ n }] = await orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from court');
  if (n === 0) await loadSrjExtract(orm.em.fork(), loadConfig().dataDir);
  await orm.close(true);
  return url;
}

async function launch(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', DEMO_DATA: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`main.js exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`main.js did not answer on port ${port}`);
}

async function load(port: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(QUERY),
    connections: CONNECTIONS,
    duration: DURATION,
    // Unmeasured first second (as in the main bench): the figures are the steady state.
    ...{ warmup: { connections: CONNECTIONS, duration: 1 } },
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** CPU time of counting one request (a cache hit of a known document), whatever the load of the machine. */
async function costOfRecording(): Promise<number> {
  const recorder = new UsageRecorder({} as MikroORM, supergraphApiSchema(await readCommittedSupergraph()), loadUsageConfig({}));
  const hash = operationHash(QUERY.query);
  const calls = 1_000_000;
  recorder.record(ANONYMOUS, hash, 'Court', QUERY.query, QUERY.variables);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) recorder.record(ANONYMOUS, hash, 'Court', QUERY.query, QUERY.variables);
  return Number(process.hrtime.bigint() - started) / calls;
}

async function main(): Promise<void> {
  console.log(`counting one request: ${(await costOfRecording()).toFixed(0)} ns of CPU`);
  const url = await prepareDatabase();
  const off = await launch({ DATABASE_URL: url, USAGE_TRACKING: 'false' }, 4970);
  const on = await launch({ DATABASE_URL: url, USAGE_TRACKING: 'true' }, 4971);
  try {
    const totals = { off: 0, on: 0 };
    console.log(`\ncached court by code, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds, ${new Date().toISOString()}\n`);
    console.log('| round | without counting req/s | p99 ms | with counting req/s | p99 ms |\n| --- | --- | --- | --- | --- |');
    for (let round = 1; round <= ROUNDS; round++) {
      const a = await load(4970);
      const b = await load(4971);
      totals.off += a.rps;
      totals.on += b.rps;
      console.log(
        `| ${round} | ${a.rps.toFixed(0)}${a.errors ? ` (${a.errors} errors)` : ''} | ${a.p99} | ${b.rps.toFixed(0)}${b.errors ? ` (${b.errors} errors)` : ''} | ${b.p99} |`,
      );
    }
    console.log(
      `\nmean: without ${(totals.off / ROUNDS).toFixed(0)} req/s, with ${(totals.on / ROUNDS).toFixed(0)} req/s: with / without ${(totals.on / totals.off).toFixed(3)}`,
    );
    const pool = new Pool({ connectionString: url, max: 1 });
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // one flush interval
    const { rows } = await pool.query(`select sum(requests)::bigint as n from usage_field where coordinate = 'Query.court'`);
    console.log(`requests counted for Query.court so far (all runs of this database): ${rows[0].n}`);
    await pool.end();
  } finally {
    off.kill('SIGTERM');
    on.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
