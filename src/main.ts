import './kernel/tracing/register-tracing'; // first: instrumentations must precede the modules they patch
import 'reflect-metadata';
import { loadDemoDataIfEmpty } from './demo-data/load-demo-data';
import { loadConfig } from './kernel/config';
import { openDatabase } from './kernel/database/database';
import { logger } from './kernel/logger';
import { onShutdown, stopGracefully } from './platform/on-shutdown';
import { ormModel } from './platform/orm-model';
import { startChangeFeed } from './relay/start-change-feed';
import { startOneProcessServer } from './platform/servers';
import { schedulerConfig, startReleaseScheduler } from './subgraphs/referentials/scheduler/release-scheduler';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, then gateway and subgraphs in one process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, ormModel);
  if (config.loadDemoData) await loadDemoDataIfEmpty(database.orm, config.dataDir);
  const changeFeed = startChangeFeed(database.url, config.changeFeed);
  const http = await startOneProcessServer(database.orm, config, config.security, changeFeed);
  const scheduling = schedulerConfig();
  const scheduler = scheduling.enabled ? startReleaseScheduler(database.orm, scheduling.intervalMs) : null;
  onShutdown(() => stopGracefully(http, config.security.shutdownReadinessDelayMs, async () => scheduler?.stop(), changeFeed.stop, database.close));
  logger.info({ url: `${http.url}/graphql` }, 'Référentiel Justice is up');
  process.stdout.write(
    `\n  Explorer:     ${http.url}/explorer/\n  GraphQL IDE:  ${http.url}/graphiql\n  Endpoint:     ${http.url}/graphql\n  Health:       ${http.url}/healthz  ${http.url}/readyz\n`,
  );
  // Development only (never honoured in production): the documented local ADMIN key, to try mutations at once.
  if (config.security.devAdminKey) process.stdout.write(`  Local key:    Authorization: Bearer ${config.security.devAdminKey}   (ADMIN, development only)\n`);
  process.stdout.write('\n');
}

main().catch((error: Error) => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`\nCould not start: ${error.message}\n`);
  process.exit(1);
});
