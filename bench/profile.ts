import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { PROJECT_ROOT } from '../src/kernel/config';
import { benchQueries, BENCH_MAX_QUERY_COST, type BenchQuery } from './queries';
import { prepareDatabase, SERVER_NODE_FLAGS } from './run';

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 300);
const WARMUP_REQUESTS = Number(process.env.BENCH_PROFILE_WARMUP ?? 100);
/** Concurrent clients: 1 (the default) measures the cost of a request alone, robust on a shared machine. */
const CLIENTS = Number(process.env.BENCH_PROFILE_CLIENTS ?? 1);
const TOP = 15;
/** `BENCH_PROFILE_SERVER=hand-written`: the bench's hand-written server instead, for its CPU per request. */
const HAND_WRITTEN = process.env.BENCH_PROFILE_SERVER === 'hand-written';
const PORT = 4986;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Frames of the runtime itself: V8's built-ins (no URL) and Node's core modules, charged to whoever called them. */
const RUNTIME = new Set(['native', 'node']);
/** Node's own I/O (sockets, HTTP, streams): a group of its own, whoever asked for it (pg's writes, Express's). */
const NODE_IO = /^node:(net|_http_\w+|stream|internal\/(streams?|stream_base_commons|http|js_stream_socket)\b)/;

/** Where a function's self time goes: a package of node_modules, a folder of the project, Node, V8, GC, idle. */
export function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName.slice(1, -1);
    return 'native';
  }
  if (NODE_IO.test(url)) return 'node (sockets, HTTP, streams)';
  if (url.startsWith('node:')) return 'node';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + `${sep}node_modules${sep}`.length).split(sep);
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const project = join(PROJECT_ROOT, 'dist') + sep;
  if (path.startsWith(project)) return `project ${path.slice(project.length).split(sep).slice(0, -1).join('/')}`;
  return path;
}

/**
 * Self time (µs) per group, each sample charged the time until the next one. Time in V8's built-ins and Node's core
 * modules (but its I/O) goes to the nearest caller that is neither (JSON.parse called by pg is pg's); with no such
 * caller, to "node (runtime)": the event loop, timers, microtask queues.
 */
export function selfTimeByGroup(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const groupCache = new Map<number, string>();
  const groupFor = (id: number): string => {
    const known = groupCache.get(id);
    if (known) return known;
    const own = groupOf(byId.get(id)!.callFrame);
    const parent = parentOf.get(id);
    const group = !RUNTIME.has(own) ? own : parent === undefined ? 'node (runtime)' : groupFor(parent);
    groupCache.set(id, group === 'root' ? 'node (runtime)' : group);
    return groupCache.get(id)!;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const group = groupFor(id);
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return totals;
}

function message(child: ChildProcess, type: string): Promise<Record<string, number | string>> {
  return new Promise((resolve) => {
    const listener = (m: Record<string, number | string>) => {
      if (m.type !== type) return;
      child.off('message', listener);
      resolve(m);
    };
    child.on('message', listener);
  });
}

async function drive(query: BenchQuery, requests: number): Promise<number> {
  const body = JSON.stringify(query.graphql);
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next++ < requests) {
        // No compression asked, as autocannon in `npm run bench` (fetch would ask for gzip).
        const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
          body,
        });
        const answer = (await response.json()) as { errors?: unknown };
        if (!response.ok || answer.errors) failed += 1;
      }
    }),
  );
  return failed;
}

/**
 * `npm run bench:profile`: CPU milliseconds per request of one query of the mix (BENCH_ONLY), uncached, in the
 * one-process server, and where they go (self time by package), from the inspector's sampling profiler.
 */
async function main(): Promise<void> {
  const only = (process.env.BENCH_ONLY ?? '').toLowerCase();
  const { url, releases } = await prepareDatabase({ history: false });
  const matching = benchQueries(releases).filter((q) => q.name.toLowerCase().includes(only));
  if (matching.length !== 1) throw new Error(`BENCH_ONLY must name one query of the mix; it matches ${matching.map((q) => q.name).join(', ') || 'none'}`);
  const [query] = matching;
  const server = HAND_WRITTEN
    ? [join(PROJECT_ROOT, 'dist', 'bench', 'hand-written', 'server.js'), '--port', String(PORT)]
    : [join(PROJECT_ROOT, 'dist', 'src', 'main.js')];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '-r', join(PROJECT_ROOT, 'dist', 'bench', 'profile-hook.js'), ...server], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      RESPONSE_CACHE_MB: '0',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      MAX_QUERY_COST: String(BENCH_MAX_QUERY_COST),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    for (
      let attempt = 0;
      !(await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
      attempt++
    ) {
      if (attempt > 1800 || child.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await drive(query, WARMUP_REQUESTS);
    // CPU time first, profiler off (sampling has its own cost); then the same number of requests profiled.
    const cpu = async () => {
      child.send({ type: 'cpu' });
      return Number((await message(child, 'cpu')).micros);
    };
    const cpuBefore = await cpu();
    const wall = process.hrtime.bigint();
    const failed = await drive(query, REQUESTS);
    const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
    const cpuMicros = (await cpu()) - cpuBefore;
    const file = join(tmpdir(), `rj-bench-${Date.now()}.cpuprofile`);
    child.send({ type: 'start', intervalMicros: 200 });
    await message(child, 'started');
    await drive(query, REQUESTS);
    child.send({ type: 'stop', file });
    await message(child, 'stopped');
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byGroup = selfTimeByGroup(profile);
    byGroup.delete('idle');
    const groups = [...byGroup].sort((a, b) => b[1] - a[1]);
    const busy = groups.reduce((sum, [, us]) => sum + us, 0);
    const cpuMs = cpuMicros / 1000 / REQUESTS;
    console.log(
      `\n${query.name}${HAND_WRITTEN ? ' (hand-written server)' : ''}: ${REQUESTS} requests (${CLIENTS} client${CLIENTS > 1 ? 's' : ''}) after ${WARMUP_REQUESTS} unmeasured, ${failed} failed`,
    );
    console.log(`CPU ${cpuMs.toFixed(2)} ms per request (process user + system, profiler off); wall ${(wallMs / REQUESTS).toFixed(2)} ms per request`);
    console.log(`profile of ${REQUESTS} more: ${file} (opens in Chrome DevTools)\n`);
    // Sampled time is wall time (a busy machine stretches it): the shares are what the profile tells, the CPU time the amount.
    console.log('| self time, by package | share of busy samples | ≈ CPU ms/request |\n| --- | --- | --- |');
    for (const [group, us] of groups.slice(0, TOP)) console.log(`| ${group} | ${((100 * us) / busy).toFixed(1)} % | ${((cpuMs * us) / busy).toFixed(2)} |`);
  } finally {
    child.kill('SIGTERM');
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
