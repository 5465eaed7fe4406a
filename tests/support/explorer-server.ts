import { loadDemoDataIfEmpty } from '../../src/demo-data/load-demo-data';
import { loadConfig } from '../../src/kernel/config';
import type { HttpServer } from '../../src/kernel/http/http-server';
import { startOneProcessServer } from '../../src/platform/servers';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface ExplorerServer {
  http: HttpServer;
  db: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The one-process platform on port 0, as `npm start` serves it: over a copy of the real courts, or (`demo`) over an
 * empty database filled by the demo-data loader, which also loads the other subgraphs' demo data once they are merged.
 */
export async function startExplorerServer(options: { demo?: boolean } = {}): Promise<ExplorerServer> {
  const db = await createTestDatabase(options.demo ? 'demo' : 'srj');
  if (options.demo) await loadDemoDataIfEmpty(db.orm, loadConfig().dataDir);
  const http = await startOneProcessServer(db.orm, { host: '127.0.0.1', port: 0 });
  return {
    http,
    db,
    stop: async () => {
      await http.stop();
      await db.drop();
    },
  };
}
