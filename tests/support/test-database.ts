import { createHash, randomBytes } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import { MikroORM as Orm } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrmConfig } from '../../src/kernel/database/mikro-orm.config';
import { ormModel } from '../../src/platform/orm-model';

/** Databases of this checkout's runs share a prefix, so runs from two checkouts on one server never collide. */
export const RUN_PREFIX = `rj_t${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 6)}_`;

/**
 * Template databases made by global-setup: `empty` (migrated), `srj` (+ the shared courts data),
 * `demo` (+ everything `npm start` loads: NAC, NATINF, the illustrative application landscape).
 */
export const TEMPLATES = { empty: `${RUN_PREFIX}template_empty`, srj: `${RUN_PREFIX}template_srj`, demo: `${RUN_PREFIX}template_demo` } as const;

export function databaseUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

/** The server's maintenance database, to create and drop the others. */
export const adminUrl = (): string => databaseUrl('postgres');

export interface TestDatabase {
  name: string;
  url: string;
  orm: MikroORM;
  /** SQL statements the ORM sent since the last reset: how tests prove there is no N+1. */
  queries: string[];
  drop(): Promise<void>;
}

/** A database of the suite's own, cloned from a template; `drop()` in afterAll. */
export async function createTestDatabase(template: keyof typeof TEMPLATES = 'empty', options: Partial<Options> = {}): Promise<TestDatabase> {
  const name = `${RUN_PREFIX}${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${TEMPLATES[template]}"`);
  await admin.end();
  const queries: string[] = [];
  const url = databaseUrl(name);
  const orm = await Orm.init(
    createOrmConfig(url, ormModel, {
      debug: ['query'],
      logger: (message: string) => queries.push(stripVTControlCharacters(message)),
      colors: false,
      ...options,
    }),
  );
  return {
    name,
    url,
    orm,
    queries,
    drop: async () => {
      await orm.close(true);
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
