import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, supergraphHas, type ExplorerServer } from '../support/explorer-server';

// Only meaningful while a subgraph is missing from the committed supergraph; after the merges there is nothing to check.
const pending = ['referentials', 'catalog'].filter((s) => !supergraphHas(s));
const describeIfPending = pending.length ? describe : describe.skip;

describeIfPending('explorer: views whose subgraph is not served', () => {
  let server: ExplorerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startExplorerServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([['referentials', 'referentials'], ['map', 'catalog']].filter(([, s]) => pending.includes(s)))('%s says its subgraph is not available', async (route) => {
    await browser.page.goto(`${server.http.url}/explorer/${route}`);
    await browser.page.getByTestId('subgraph-unavailable').getByText('This subgraph is not available').waitFor();
    await browser.screenshot(`${route}-unavailable`);
    expect(browser.externalRequests).toEqual([]);
  });
});
