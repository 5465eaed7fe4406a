import type { SecurityConfig } from '../../src/kernel/auth/security-config';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { bearer, testSecurity, type Role } from './auth';
import type { Target } from './graphql-client';
import { createTestDatabase, type TEMPLATES, type TestDatabase } from './test-database';

export interface TestServer {
  readonly db: TestDatabase;
  readonly server: HttpServer;
  /** The server, called by a person holding these roles (STEWARD of `stewardOf`): `gql(t.as([Role.ADMIN]), …)`. */
  as(roles: Role[], stewardOf?: string[]): Target;
}

/**
 * A database of the suite's own (cloned from a template, then `seed`ed) behind a one-process server on a free
 * port, started before the suite's tests and torn down after them. The server trusts the tests' identity provider.
 */
export function useTestServer(
  template: keyof typeof TEMPLATES,
  seed?: (db: TestDatabase) => Promise<void>,
  security: Partial<SecurityConfig> = {},
): TestServer {
  let db: TestDatabase | undefined;
  let server: HttpServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(template);
    await seed?.(db);
    server = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 }, await testSecurity(security));
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  const t: TestServer = {
    get db() {
      if (!db) throw new Error('the test database is only there inside tests');
      return db;
    },
    get server() {
      if (!server) throw new Error('the test server is only there inside tests');
      return server;
    },
    as: (roles, stewardOf = []) => ({ url: t.server.url, authorization: bearer(roles, stewardOf) }),
  };
  return t;
}
