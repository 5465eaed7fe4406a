import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SecurityConfig } from '../../src/kernel/auth/security-config';

export type TracedRole = 'one-process' | 'subgraphs' | 'gateway';
export type TracedRequest = 'spans' | 'modules' | 'stop';
export type TracedReply = { urls: Record<string, string> } | { spans: SpanRecord[] } | { modules: string[] };

/** A finished span, as the child's in-memory exporter holds it. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** SpanKind: 0 internal, 1 server, 2 client. */
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

export interface TracedProcess {
  urls: Record<string, string>;
  /** The spans finished since the last call. */
  spans(): Promise<SpanRecord[]>;
  /** The JSON log lines written so far. */
  logs(): Record<string, unknown>[];
  /** The OpenTelemetry modules the process has loaded. */
  loadedModules(): Promise<string[]>;
  stop(): Promise<void>;
}

interface Options {
  role: TracedRole;
  security: SecurityConfig;
  /** Service name of the process's spans; tracing is off without it. */
  service?: string;
  databaseUrl?: string;
  /** The subgraphs' URLs, for a gateway. */
  urls?: Record<string, string>;
}

/** Starts traced-process.ts in a plain Node child (instrumentations do not see modules loaded by Jest). */
export function startTracedProcess(options: Options): Promise<TracedProcess> {
  const child: ChildProcess = fork(join(__dirname, 'traced-process.ts'), [], {
    execArgv: ['--require', join(__dirname, 'swc-require.js')],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      TRACED_ROLE: options.role,
      TRACED_SECURITY: JSON.stringify(options.security),
      TRACED_URLS: JSON.stringify(options.urls ?? {}),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.service ? { TRACED_SERVICE: options.service } : { TRACED_SERVICE: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const next = <T extends TracedReply>(request?: TracedRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`traced ${options.role} process exited with ${code}:\n${stderr}`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
      if (request) child.send(request);
    });
  return next<{ urls: Record<string, string> }>().then(({ urls }) => ({
    urls,
    spans: async () => (await next<{ spans: SpanRecord[] }>('spans')).spans,
    logs: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    loadedModules: async () => (await next<{ modules: string[] }>('modules')).modules,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  }));
}
