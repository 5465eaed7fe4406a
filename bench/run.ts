import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, Pool } from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/kernel/config';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { createOrmConfig } from '../src/kernel/database/mikro-orm.config';
import { ormModel } from '../src/platform/orm-model';
import { startOneProcessServer } from '../src/platform/servers';
import { subgraphs } from '../src/subgraphs';
import { loadDemoDataIfEmpty } from '../src/demo-data/load-demo-data';
import { benchQueries, atQuery, competentCourtsQuery, BENCH_MAX_QUERY_COST, LARGE_LIST, NATINF_SIZED, type BenchQuery } from './queries';
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

/** `BENCH_ONLY=<substring>`: only the queries of the mix whose name holds it (case-insensitive), to iterate fast. */
const ONLY = (process.env.BENCH_ONLY ?? '').toLowerCase();
/** `BENCH_SKIP=split,history,cached,long-tail`: parts of the run to leave out (the split mode, the history list, the cached server, the long tail). */
const SKIP = new Set(
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
/** The latency every uncached query must stay under at the bench's concurrency. */
const P99_TARGET_MS = 250;

const databaseUrl = (name: string): string => Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();

/** The bench database: demo data and two synthetic lists, loaded through the import once (the database is kept between runs). */
export async function prepareDatabase(
  options: { history: boolean } = { history: !SKIP.has('history') },
): Promise<{ url: string; releases: { natinfSized: number; large: number } }> {
  const admin = new Pool({ connectionString: databaseUrl('postgres'), max: 1 });
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  if (!exists.rowCount) await admin.query(`create database "${DATABASE}"`);
  await admin.end();
  const url = databaseUrl(DATABASE);
  const orm = await connectOrm(url, ormModel);
  await migrate(orm);
  await loadDemoDataIfEmpty(orm, loadConfig().dataDir);
  let written = options.history;
  for (const [code, rows] of [
    [NATINF_SIZED, 17_000],
    [LARGE_LIST, LARGE_ENTRIES],
  ] as const) {
    if (await orm.em.fork().findOne(Referential, code)) continue;
    console.error(`loading ${rows.toLocaleString('en')} synthetic entries into ${code} through the import…`);
    const file = join(await mkdtemp(join(tmpdir(), 'rj-bench-')), `${code}.csv`);
    await writeSyntheticFile(file, rows);
    await importReferential(url, await createSyntheticReferential(orm.em.fork(), code), file, { publish: true });
    written = true;
  }
  if (options.history) {
    console.error(`building ${HISTORY_LIST} (200,000 entries, 2 releases)…`);
    await createHistoryList(url, orm.em.fork());
    await growHistory(url, 2);
  }
  // The history list is rebuilt each run: vacuumed now, autovacuum has nothing left to do during the measurements.
  if (written) {
    // Its own session, without the ORM's statement timeout: a vacuum of the 1M-entry list outlasts it.
    const session = new Client({ connectionString: url });
    await session.connect();
    await session.query('vacuum analyze referential_entry, legal_reference, change_event, referential_release').finally(() => session.end());
  }
  const latest = async (code: string) =>
    Number((await orm.em.fork().execute(`select max(number) as n from referential_release where referential_code = ? and status = 'PUBLISHED'`, [code]))[0].n);
  const releases = { natinfSized: await latest(NATINF_SIZED), large: await latest(LARGE_LIST) };
  await orm.close(true);
  return { url, releases };
}

/**
 * Node's flags for every server the bench starts, as `npm start` and the image run the platform: young objects get a
 * 64 MB semi-space, so a request's garbage dies there instead of being promoted (GC 13 → 9 % of the walk's CPU).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Starts a built entry point in its own process (the load generator must not share its event loop), ready on /healthz. */
async function launch(script: string, args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  // The bench measures throughput, not the per-client rate limit: 50 connections from one IP would hit it at once.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(PROJECT_ROOT, 'dist', script), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', MAX_QUERY_COST: String(BENCH_MAX_QUERY_COST), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not answer on port ${port}`);
}

/** A run's figures; `body` is one request's, or the bodies requests send in turn (the long tail: one commune after another). */
async function load(url: string, body: Pick<BenchQuery, 'graphql'> | readonly string[]): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  let turn = 0;
  const options = {
    url: `${url}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    ...('graphql' in body
      ? { body: JSON.stringify(body.graphql) }
      : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body[turn++ % body.length] }) }] }),
  };
  // The warm-up is a run of its own, then a pause while the server ends the requests it left in flight (50 at 50
  // clients): autocannon's `warmup` option starts measuring at once, with those still queued ahead of the new ones.
  if (WARMUP > 0) {
    const warm = await autocannon({ ...options, duration: WARMUP });
    await new Promise((resolve) => setTimeout(resolve, Math.min(warm.latency.max, 5_000)));
  }
  const result = await autocannon({ ...options, duration: DURATION });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * The long tail: competent courts for every commune in turn (35,000, shuffled), as variables and as literals (a new
 * document per commune, which no response cache or route learnt from one document serves as such).
 */
async function longTail(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query<{ insee: string }>(
    'select insee from (select distinct insee_code as insee from territorial_competence) c order by md5(insee)',
  );
  await db.end();
  const withVariables = rows.map(({ insee }) => JSON.stringify(competentCourtsQuery(insee)));
  const withLiterals = rows.map(({ insee }) => JSON.stringify(competentCourtsQuery(insee, 'literal')));
  const runs: [string, string, readonly string[]][] = [
    ['one-process, variables', 'http://127.0.0.1:4988', withVariables],
    ['one-process, literals', 'http://127.0.0.1:4988', withLiterals],
    ...(SKIP.has('cached') ? [] : ([['cached, literals', 'http://127.0.0.1:4990', withLiterals]] as [string, string, string[]][])),
    ['hand-written, variables', 'http://127.0.0.1:4987', withVariables],
  ];
  console.log(`\nlong tail: competent courts for each of ${rows.length.toLocaleString('en')} communes in turn:`);
  console.log('| server, document | req/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |');
  for (const [name, server, bodies] of runs) {
    const run = await load(server, bodies);
    console.log(`| ${name} | ${run.rps.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.errors} |`);
  }
}

/** The same data read with plain `pg` at the same concurrency: what PostgreSQL and the driver can do. */
async function plainPg(url: string, query: BenchQuery): Promise<number> {
  if (query.sql.length === 0) return Number.NaN;
  const pool = new Pool({ connectionString: url, max: 10 });
  const run = async (seconds: number): Promise<number> => {
    const deadline = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < deadline) {
          for (const statement of query.sql) await pool.query(statement.text, statement.values);
          done += 1;
        }
      }),
    );
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
  process.env.MAX_QUERY_COST = String(BENCH_MAX_QUERY_COST);
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

/** A ratio of two figures; none when either is missing or the second is 0 (a run that completed nothing). */
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const { url, releases } = await prepareDatabase();
  const queries = benchQueries(releases).filter((q) => q.name.toLowerCase().includes(ONLY));
  const statements = await statementsPerRequest(url, queries);
  const env = { DATABASE_URL: url, DEMO_DATA: 'false' };
  const uncached = { ...env, RESPONSE_CACHE_MB: '0' };
  const children: ChildProcess[] = [];
  const started = async (child: Promise<ChildProcess>): Promise<void> => void children.push(await child);
  try {
    if (!SKIP.has('cached')) await started(launch('src/main.js', [], { ...env, PORT: '4990' }, 4990));
    await started(launch('src/main.js', [], { ...uncached, PORT: '4988' }, 4988));
    await started(launch('bench/hand-written/server.js', ['--port', '4987'], { DATABASE_URL: url }, 4987));
    if (!SKIP.has('split')) {
      await Promise.all(subgraphs.map((s, i) => started(launch('src/cli/start-subgraph.js', [s.name, '--port', String(4991 + i)], uncached, 4991 + i))));
      const urls = subgraphs.flatMap((s, i) => ['--subgraph', `${s.name}=http://127.0.0.1:${4991 + i}/graphql`]);
      await started(launch('src/cli/start-gateway.js', [...urls, '--port', '4989'], uncached, 4989));
    }
    const skipped = { rps: Number.NaN, p50: Number.NaN, p99: Number.NaN, errors: 0 };
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s of warm-up, ${LARGE_ENTRIES.toLocaleString('en')}-entry list, ${new Date().toISOString()}${SKIP.size ? `, without ${[...SKIP].join(', ')}` : ''}\n`,
    );
    console.log(
      `| query | SQL/req | one-process req/s | p50 ms | p99 ms | p99 < ${P99_TARGET_MS} ms | cached req/s | cached p99 ms | cached / uncached | split req/s | split p99 ms | hand-written req/s | hand-written p99 ms | one-process / hand-written | plain pg ops/s | one-process / pg |`,
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    // Time per request, summed over the queries (the mix's rate is its harmonic mean).
    const totals = { one: 0, cached: 0, hand: 0, pg: 0, onePg: 0 };
    const slowest = { p99: 0 };
    for (const query of queries) {
      const one = await load('http://127.0.0.1:4988', query);
      const cached = SKIP.has('cached') ? skipped : await load('http://127.0.0.1:4990', query);
      const split = SKIP.has('split') ? skipped : await load('http://127.0.0.1:4989', query);
      const hand = await load('http://127.0.0.1:4987', query);
      const pg = await plainPg(url, query);
      const errors = one.errors + cached.errors + split.errors + hand.errors;
      // A query that completed nothing in a run makes the mix's rate 0: counted as such, never as a division by 0.
      const per = (rps: number) => 1 / Math.max(rps, 1e-9);
      Object.assign(totals, { one: totals.one + per(one.rps), cached: totals.cached + per(cached.rps), hand: totals.hand + per(hand.rps) });
      if (!Number.isNaN(pg)) Object.assign(totals, { pg: totals.pg + 1 / pg, onePg: totals.onePg + per(one.rps) });
      slowest.p99 = Math.max(slowest.p99, one.rps > 0 ? one.p99 : Number.POSITIVE_INFINITY);
      const rate = (figure: number) => (Number.isNaN(figure) ? '–' : figure.toFixed(0));
      const ms = (figure: number) => (Number.isNaN(figure) ? '–' : String(figure));
      console.log(
        `| ${query.name}${errors ? ` (${errors} errors)` : ''} | ${statements.get(query.name)} | ${rate(one.rps)} | ${one.p50} | ${one.p99} | ${one.rps > 0 && one.p99 < P99_TARGET_MS ? 'yes' : 'no'} | ${rate(cached.rps)} | ${ms(cached.p99)} | ${ratio(cached.rps, one.rps)} | ${rate(split.rps)} | ${ms(split.p99)} | ${rate(hand.rps)} | ${hand.p99} | ${ratio(one.rps, hand.rps)} | ${rate(pg)} | ${ratio(one.rps, pg)} |`,
      );
    }
    // The mix's rate: as many requests of each kind, so the time per request adds up (harmonic mean).
    const mix = (total: number) => 1 / total;
    console.log(
      `\nmix: one-process ${mix(totals.one).toFixed(0)} req/s, hand-written ${mix(totals.hand).toFixed(0)} req/s: one-process / hand-written ${ratio(mix(totals.one), mix(totals.hand))}` +
        (SKIP.has('cached') ? '' : `; cached ${mix(totals.cached).toFixed(0)} req/s, cached / uncached ${ratio(totals.one, totals.cached)}`) +
        (totals.pg
          ? `; queries with a plain-pg equivalent: plain pg ${mix(totals.pg).toFixed(0)} ops/s, one-process / pg ${ratio(mix(totals.onePg), mix(totals.pg))}`
          : ''),
    );
    console.log(`slowest uncached p99: ${slowest.p99} ms (target < ${P99_TARGET_MS} ms: ${slowest.p99 < P99_TARGET_MS ? 'met' : 'not met'})`);

    if (!SKIP.has('long-tail') && !ONLY) await longTail(url);

    if (!SKIP.has('history')) {
      const before = await load('http://127.0.0.1:4988', { graphql: atQuery(HISTORY_LIST, 'B1234') });
      await growHistory(url, 20);
      const after = await load('http://127.0.0.1:4988', { graphql: atQuery(HISTORY_LIST, 'B1234') });
      console.log(`\n\`at\` query as history grows (${HISTORY_LIST}, a tenth of the leaves re-versioned per release, uncached):`);
      console.log('| releases | req/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |');
      console.log(`| 2 | ${before.rps.toFixed(0)} | ${before.p50} | ${before.p99} |\n| 20 | ${after.rps.toFixed(0)} | ${after.p50} | ${after.p99} |`);
      console.log(`10× the releases: p50 × ${(after.p50 / Math.max(before.p50, 1)).toFixed(2)}, rate × ${(after.rps / before.rps).toFixed(2)}`);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
