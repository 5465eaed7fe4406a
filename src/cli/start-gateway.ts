import 'reflect-metadata';
import { loadConfig } from '../kernel/config';
import { logger } from '../kernel/logger';
import { onShutdown } from '../platform/on-shutdown';
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
  const http = await startGatewayServer(urls, { host: config.host, port: portOption(options, config.port) });
  onShutdown(() => http.stop());
  logger.info({ url: `${http.url}/graphql`, subgraphs: urls }, 'gateway is up');
}

main().catch((error: Error) => {
  process.stderr.write(`Could not start the gateway: ${error.message}\n`);
  process.exit(1);
});
