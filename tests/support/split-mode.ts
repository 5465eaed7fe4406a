import type { SecurityConfig } from '../../src/kernel/auth/security-config';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startGatewayServer, startSubgraphServer } from '../../src/platform/servers';
import { subgraphs } from '../../src/subgraphs';
import { testSecurity } from './auth';
import { createTestDatabase, type TEMPLATES, type TestDatabase } from './test-database';

export interface SplitMode {
  readonly db: TestDatabase;
  readonly gateway: HttpServer;
  readonly security: SecurityConfig;
  /** A subgraph's own server, called directly (the gateway's hop). */
  subgraph(name: string): HttpServer;
}

/**
 * Split mode for a suite: every subgraph its own HTTP server on a free port, the gateway calling them over loopback,
 * all over one database of the suite's own; started before the suite's tests and torn down after them.
 */
export function useSplitMode(template: keyof typeof TEMPLATES = 'srj'): SplitMode {
  let started: { db: TestDatabase; security: SecurityConfig; services: Map<string, HttpServer>; gateway: HttpServer } | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase(template);
    const security = await testSecurity();
    const servers = await Promise.all(subgraphs.map((s) => startSubgraphServer(db.orm, s, { host: '127.0.0.1', port: 0 }, security)));
    const services = new Map(subgraphs.map((s, i) => [s.name, servers[i]]));
    const urls = Object.fromEntries([...services].map(([name, server]) => [name, `${server.url}/graphql`]));
    const gateway = await startGatewayServer(urls, { host: '127.0.0.1', port: 0 }, { security, orm: db.orm });
    started = { db, security, services, gateway };
  });
  afterAll(async () => {
    if (!started) return;
    await started.gateway.stop();
    await Promise.all([...started.services.values()].map((s) => s.stop()));
    await started.db.drop();
  });
  const get = () => {
    if (!started) throw new Error('split mode is only there inside tests');
    return started;
  };
  return {
    get db() {
      return get().db;
    },
    get gateway() {
      return get().gateway;
    },
    get security() {
      return get().security;
    },
    subgraph: (name) => {
      const server = get().services.get(name);
      if (!server) throw new Error(`no subgraph "${name}" in split mode`);
      return server;
    },
  };
}
