import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { createTestDatabase, type TEMPLATES, type TestDatabase } from './test-database';

export interface TestServer {
  readonly db: TestDatabase;
  readonly server: HttpServer;
}

/**
 * A database of the suite's own (cloned from a template, then `seed`ed) behind a one-process server on a free
 * port, started before the suite's tests and torn down after them.
 */
export function useTestServer(template: keyof typeof TEMPLATES, seed?: (db: TestDatabase) => Promise<void>): TestServer {
  let db: TestDatabase | undefined;
  let server: HttpServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(template);
    await seed?.(db);
    server = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('the test database is only there inside tests');
      return db;
    },
    get server() {
      if (!server) throw new Error('the test server is only there inside tests');
      return server;
    },
  };
}
