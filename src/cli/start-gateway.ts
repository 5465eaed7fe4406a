import '../kernel/tracing/register-tracing'; // first: instrumentations must precede the modules they patch
import 'reflect-metadata';
import { loadConfig } from '../kernel/config';
import { connectOrm } from '../kernel/database/database';
import { logger } from '../kernel/logger';
import { onShutdown, stopGracefully } from '../platform/on-shutdown';
import { ormModel } from '../platform/orm-model';
import { startGatewayServer } from '../platform/servers';
import { findSubgraph } from '../subgraphs';
import { parseArgs, portOption } from './args';

/**
 * `npm run start:gateway -- [--subgraph name=url]… [--port N]`: the gateway of split mode.
 * Subgraphs not named are reached at the URL of the committed supergraph (127.0.0.1 and their default port).
 */
async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const urls: Record<string, string> = {};
  for (const pair of options.get('subgraph') ?? []) {
    const [name, url] = pair.split('=', 2);
    if (!url) throw new Error(`--subgraph takes name=url, got "${pair}"`);
    urls[findSubgraph(name).name] = url;
  }
  const config = loadConfig();
  // API keys live in the database: with DATABASE_URL the gateway checks them; without, it accepts bearer tokens only.
  const orm = config.databaseUrl ? await connectOrm(config.databaseUrl, ormModel) : undefined;
  const http = await startGatewayServer(urls, { host: config.host, port: portOption(options, config.port) }, { security: config.security, orm });
  onShutdown(() => stopGracefully(http, config.security.shutdownReadinessDelayMs, async () => void (await orm?.close(true))));
  logger.info({ url: `${http.url}/graphql`, subgraphs: urls }, 'gateway is up');
}

main().catch((error: Error) => {
  process.stderr.write(`Could not start the gateway: ${error.message}\n`);
  process.exit(1);
});
