// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: any;
declare const window: any;
import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, supergraphHas, type ExplorerServer } from '../support/explorer-server';
import { seedLandscapeIfEmpty } from '../support/landscape-seed';

// The catalog and exchanges subgraphs land with their own branch: until the committed supergraph has them, the suite skips.
const describeIfServed = supergraphHas('catalog') && supergraphHas('exchanges') ? describe : describe.skip;

describeIfServed('explorer: landscape map (headless Chromium)', () => {
  let server: ExplorerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startExplorerServer({ demo: true });
    await seedLandscapeIfEmpty(server.http);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    expect(browser.externalRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // A view's error boundary or a failed query shows an alert instead of throwing: none is expected.
    expect(await browser.page.getByRole('alert').allTextContents()).toEqual([]);
  });

  it('draws the demo applications and their exchanges, and opens an application on click', async () => {
    const { page } = browser;
    // A fresh start: the explorer opens on the map.
    await page.goto(`${server.http.url}/explorer/`);
    expect(await page.locator('[data-view]').getAttribute('data-view')).toBe('map');
    await page.getByTestId('landscape-graph').waitFor();
    await page.waitForFunction(() => ((window as any).landscape?.nodes('.app').length ?? 0) > 0);
    const counts = await page.evaluate(() => ({ apps: (window as any).landscape.nodes('.app').length, edges: (window as any).landscape.edges().length }));
    expect(counts.apps).toBeGreaterThan(2);
    expect(counts.edges).toBeGreaterThan(0);
    // Click the first application where cytoscape drew it.
    const point = await page.evaluate(() => {
      const node = (window as any).landscape.nodes('.app')[0];
      const box = document.querySelector('[data-testid=landscape-graph]')!.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.getByTestId('application-panel').waitFor();
    await page.getByTestId('impact').waitFor();
    await browser.screenshot('map');
  });

  it('filters by domain', async () => {
    const { page } = browser;
    const domain = await page.getByTestId('domain-filter').locator('option').nth(1).textContent();
    await page.getByTestId('domain-filter').selectOption(domain!);
    const domains = await page.evaluate(() => [...new Set((window as any).landscape.nodes('.app').map((n: any) => n.data('domain')))]);
    expect(domains).toEqual([domain]);
  });
});
