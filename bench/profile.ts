import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { PROJECT_ROOT } from '../src/kernel/config';
import { benchQueries, BENCH_MAX_QUERY_COST, type BenchQuery } from './queries';
import { prepareDatabase } from './run';

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 300);
const WARMUP_REQUESTS = Number(process.env.BENCH_PROFILE_WARMUP ?? 100);
/** Concurrent clients: 1 (the default) measures the cost of a request alone, robust on a shared machine. */
const CLIENTS = Number(process.env.BENCH_PROFILE_CLIENTS ?? 1);
const TOP = 15;
const PORT = 4986;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's self time goes: a package of node_modules, a folder of the project, Node itself, GC, idle. */
export function groupOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)') return `${functionName.slice(1, -1)}`;
    return 'native (V8 built-ins)';
  }
  if (url.startsWith('node:')) return 'node (core modules)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + 14).split(sep);
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const project = join(PROJECT_ROOT, 'dist') + sep;
  if (path.startsWith(project)) return `project ${path.slice(project.length).split(sep).slice(0, -1).join('/')}`;
  return path;
}

/** Self time (µs) per group: each sample is charged the time until the next one. */
export function selfTimeByGroup(profile: CpuProfile): Map<string, number> {
  const groups = new Map(profile.nodes.map((node) => [node.id, groupOf(node.callFrame)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const group = groups.get(id)!;
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
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next++ < requests) {
      const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as { errors?: unknown };
      if (!response.ok || answer.errors) failed += 1;
    }
  }));
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
  const child = spawn(process.execPath, ['-r', join(PROJECT_ROOT, 'dist', 'bench', 'profile-hook.js'), join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env: { ...process.env, DATABASE_URL: url, DEMO_DATA: 'false', RESPONSE_CACHE_MB: '0', PORT: String(PORT), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', MAX_QUERY_COST: String(BENCH_MAX_QUERY_COST) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    for (let attempt = 0; !(await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false)); attempt++) {
      if (attempt > 300 || child.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await drive(query, WARMUP_REQUESTS);
    const file = join(tmpdir(), `rj-bench-${Date.now()}.cpuprofile`);
    child.send({ type: 'start', intervalMicros: 100 });
    await message(child, 'started');
    const wall = process.hrtime.bigint();
    const failed = await drive(query, REQUESTS);
    const wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
    child.send({ type: 'stop', file });
    const { cpuMicros } = await message(child, 'stopped');
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byGroup = selfTimeByGroup(profile);
    const idle = byGroup.get('idle') ?? 0;
    byGroup.delete('idle');
    const groups = [...byGroup].sort((a, b) => b[1] - a[1]);
    const busy = groups.reduce((sum, [, us]) => sum + us, 0);
    const perRequest = (us: number) => (us / 1000 / REQUESTS).toFixed(2);
    console.log(`\n${query.name}: ${REQUESTS} requests (${CLIENTS} client${CLIENTS > 1 ? 's' : ''}) after ${WARMUP_REQUESTS} unmeasured, ${failed} failed`);
    console.log(`CPU ${perRequest(Number(cpuMicros))} ms per request (process user + system, all threads), main thread busy ${perRequest(busy)} ms, idle ${perRequest(idle)} ms; wall ${(wallMs / REQUESTS).toFixed(2)} ms per request`);
    console.log(`profile: ${file} (opens in Chrome DevTools)\n`);
    console.log('| self time (main thread, busy) | ms/request | share |\n| --- | --- | --- |');
    for (const [group, us] of groups.slice(0, TOP)) console.log(`| ${group} | ${perRequest(us)} | ${((100 * us) / busy).toFixed(1)} % |`);
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
