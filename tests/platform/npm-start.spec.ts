import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/kernel/config';
import type { Untyped } from '../support/untyped';

const MAIN = join(PROJECT_ROOT, 'dist', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs the built `npm start` entry point with no DATABASE_URL, as a newcomer's machine does. */
function start(env: Record<string, string>): Promise<Started> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env } });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL IDE:\s+(http:\/\/\S+)\/graphiql/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

const stop = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

async function query(url: string, body: string): Promise<Untyped> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: body }) });
  return response.json();
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('npm start without DATABASE_URL (embedded PostgreSQL)', () => {
  let pgDir: string;
  let pgPort: number;

  beforeAll(async () => {
    if (!existsSync(MAIN)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    // Under /tmp: when tests run as root, the `postgres` system user must be able to reach the folder.
    const parent = await mkdtemp(join(tmpdir(), 'rj-embedded-'));
    await chmod(parent, 0o755);
    pgDir = join(parent, 'pg');
    pgPort = await freePort();
  });

  it('boots the database, loads the demo data, answers, and stops cleanly; data survives a restart', async () => {
    const first = await start({ EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(pgPort) });
    expect(first.output()).toContain('SRJ courts, territorial competence and court sites loaded');
    const answer = await query(first.url, '{ courts(filter: { type: COUR_APPEL }) { totalCount } }');
    expect(answer).toEqual({ data: { courts: { totalCount: 36 } } });
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    expect(await fetch(`${first.url}/graphiql`).then((r) => r.text())).toContain('graphiql.js');
    expect(await stop(first.child)).toBe(0);
    expect(await accepts(pgPort)).toBe(false); // the embedded server went down with the process

    const second = await start({ EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(pgPort) });
    expect(second.output()).not.toContain('SRJ courts, territorial competence and court sites loaded');
    const again = await query(second.url, '{ competentCourts(insee: "01001") { court { code } } }');
    expect(again.data.competentCourts[0]).toEqual({ court: { code: '100023' } });
    expect(await stop(second.child)).toBe(0);
  }, 240_000);

  it('says clearly why it cannot start when the data folder is out of reach of the user running the server', async () => {
    // As root the server runs as the `postgres` system user, otherwise as this process's user: neither may enter.
    const hidden = await mkdtemp(join(tmpdir(), 'rj-hidden-'));
    await chmod(hidden, 0o000);
    try {
      const failure = await start({ EMBEDDED_PG_DIR: join(hidden, 'pg'), EMBEDDED_PG_PORT: String(pgPort) }).then(
        () => undefined,
        (error: { code?: number; output?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      const who = process.getuid?.() === 0 ? 'the system user "postgres", which' : "this process's user";
      expect(failure?.output).toContain(`${who} cannot enter ${hidden}`);
    } finally {
      await chmod(hidden, 0o700);
      await rm(hidden, { recursive: true, force: true });
    }
  }, 60_000);

  it('says clearly why it cannot start when the database port is taken', async () => {
    const blocker: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const taken = (blocker.address() as { port: number }).port;
    try {
      const failure = await start({ EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(taken) }).then(
        () => undefined,
        (error: { code?: number; output?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.output).toContain(`Could not start: the embedded PostgreSQL could not start on port ${taken}`);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
