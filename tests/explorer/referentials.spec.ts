// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: any;
import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, supergraphHas, type ExplorerServer } from '../support/explorer-server';

// The referentials subgraph lands with its own branch: until the committed supergraph has it, the suite skips.
const describeIfServed = supergraphHas('referentials') ? describe : describe.skip;

describeIfServed('explorer: referential browser (headless Chromium)', () => {
  let server: ExplorerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startExplorerServer({ demo: true });
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

  it('searches NATINF as one types, in a virtualised list', async () => {
    const { page } = browser;
    await page.goto(`${server.http.url}/explorer/referentials`);
    const rows = page.getByTestId('natinf-row');
    await rows.first().waitFor();
    await page.getByTestId('natinf-search').pressSequentially('vol', { delay: 50 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=natinf-row]').length > 0 && [...document.querySelectorAll('[data-testid=natinf-row]')].every((r) => /vol/i.test(r.textContent ?? '')));
    // Virtualised: only the visible rows are in the DOM, however long the list.
    expect(await rows.count()).toBeLessThan(80);
    await rows.first().click();
    await page.getByTestId('entry-history').waitFor();
    await browser.screenshot('referentials');
  });

  it('shows the NAC tree and a release diff', async () => {
    const { page } = browser;
    await page.locator('.tree-toggle').first().waitFor();
    await page.getByTestId('release-diff').waitFor();
  });
});
