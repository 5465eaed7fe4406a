// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: Untyped;
import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';
import type { Untyped } from '../support/untyped';

describe('explorer: referential browser (headless Chromium)', () => {
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

  it('searches NATINF as one types and opens an entry with its history', async () => {
    const { page } = browser;
    await page.goto(`${server.http.url}/explorer/referentials`);
    const rows = page.getByTestId('natinf-row');
    await rows.first().waitFor();
    const all = await rows.count();
    await page.getByTestId('natinf-search').pressSequentially('vehic', { delay: 50 });
    await page.waitForFunction((before: number) => {
      const found = [...document.querySelectorAll('[data-testid=natinf-row]')];
      return found.length > 0 && found.length < before && found.every((r: Untyped) => /vehic/i.test(r.textContent ?? ''));
    }, all);
    await page.getByTestId('natinf-count').getByText('infraction(s)', { exact: false }).waitFor();
    await page.getByTestId('natinf-row').filter({ hasText: 'IVRESSE' }).click();
    await page.getByTestId('entry-history').getByText('version 1').waitFor();
    await page.getByTestId('entry-history').getByText('Réprimée par').waitFor();
    await browser.screenshot('referentials');
  });

  it('walks the NAC tree down to a leaf and shows the release diff picker', async () => {
    const { page } = browser;
    await page.goto(`${server.http.url}/explorer/referentials`);
    await page.getByTestId('nac-tree').getByText('Droit des personnes').click();
    await page.getByTestId('nac-tree').getByText('Nationalité').waitFor();
    await page.getByTestId('release-diff').locator('select').first().waitFor();
  });

  it('works with the keyboard: the NATINF list is a listbox, the NAC a tree', async () => {
    const { page } = browser;
    await page.goto(`${server.http.url}/explorer/referentials`);
    await page.getByTestId('natinf-row').first().waitFor();
    await page.getByTestId('natinf-search').fill('conduite');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=natinf-row]')].every((r: Untyped) => /conduite/i.test(r.textContent)));
    const list = page.getByTestId('natinf-results');
    expect(await list.getAttribute('role')).toBe('listbox');
    // A late page of results (the search is debounced) resets the active option: press again until one is active.
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByTestId('natinf-search').press('ArrowDown');
      const active = await page
        .waitForFunction(
          () => /^natinf-/.test(document.querySelector('[data-testid=natinf-results]')?.getAttribute('aria-activedescendant') ?? ''),
          undefined,
          { timeout: 2_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (active) break;
    }
    expect(await list.getAttribute('aria-activedescendant')).toMatch(/^natinf-/);
    await page.keyboard.press('Enter');
    await page.getByTestId('entry-history').getByText('CONDUITE', { exact: false }).first().waitFor();
    expect(page.url()).toMatch(/\/explorer\/referentials\/NATINF\/\w+$/);
    const tree = page.getByTestId('nac-tree');
    await tree.locator('[role=treeitem]').first().focus();
    await page.keyboard.press('ArrowRight');
    await tree.locator('[role=treeitem][aria-level="2"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement.getAttribute('aria-level'))).toBe('2');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement.getAttribute('aria-level'))).toBe('1');
    await page.keyboard.press('ArrowLeft');
    expect(await tree.locator('[role=treeitem]').first().getAttribute('aria-expanded')).toBe('false');
    await browser.screenshot('referentials-keyboard');
  });
});
