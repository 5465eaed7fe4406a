import '../kernel/tracing/register-tracing'; // first: instrumentations must precede the modules they patch
import 'reflect-metadata';
import { loadConfig } from '../kernel/config';
import { openDatabase } from '../kernel/database/database';
import { logger } from '../kernel/logger';
import { onShutdown, stopGracefully } from '../platform/on-shutdown';
import { ormModel } from '../platform/orm-model';
import { startChangeFeed } from '../relay/start-change-feed';
import { startSubgraphServer } from '../platform/servers';
import { findSubgraph } from '../subgraphs';
import { schedulerConfig, startReleaseScheduler } from '../subgraphs/referentials/scheduler/release-scheduler';
import { parseArgs, portOption } from './args';

/** `npm run start:subgraph -- <name> [--port N]`: one subgraph as its own service (split mode). */
async function main(): Promise<void> {
  const {
    _: [name],
    options,
  } = parseArgs(process.argv.slice(2));
  if (!name) throw new Error('usage: npm run start:subgraph -- <subgraph> [--port N]');
  const definition = findSubgraph(name);
  const config = loadConfig();
  // Several processes cannot share one embedded server's data folder: split mode runs against a real one.
  if (!config.databaseUrl) throw new Error('split mode needs DATABASE_URL (the embedded database serves `npm start` only)');
  const database = await openDatabase(config, ormModel);
  // In split mode the change subgraph's process runs the feed's relay and webhook dispatcher.
  const changeFeed = name === 'changes' ? startChangeFeed(database.url, config.changeFeed) : null;
  const http = await startSubgraphServer(
    database.orm,
    definition,
    { host: config.host, port: portOption(options, definition.defaultPort) },
    config.security,
    changeFeed,
  );
  // The referentials' processes publish approved releases on their effective day (safe with several of them).
  const scheduler = name === 'referentials' && schedulerConfig().enabled ? startReleaseScheduler(database.orm, schedulerConfig().intervalMs) : null;
  onShutdown(() => stopGracefully(http, config.security.shutdownReadinessDelayMs, async () => scheduler?.stop(), changeFeed?.stop, database.close));
  logger.info({ subgraph: name, url: `${http.url}/graphql` }, 'subgraph is up');
}

main().catch((error: Error) => {
  process.stderr.write(`Could not start the subgraph: ${error.message}\n`);
  process.exit(1);
});
