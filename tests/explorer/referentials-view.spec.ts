// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: any;
import { openBrowser, type Browser } from '../support/browser';
import { startReferentialsMock } from '../support/referentials-mock';

/**
 * The Referential browser against a stand-in of the API it expects (17 000 NATINF entries): search as one types,
 * a virtualised list, the NAC tree, an entry's history, a release diff. The real subgraph's suite is referentials.spec.ts.
 */
describe('explorer: referential browser against its API contract (headless Chromium)', () => {
  let mock: Awaited<ReturnType<typeof startReferentialsMock>>;
  let browser: Browser;

  beforeAll(async () => {
    mock = await startReferentialsMock();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
  });
  afterEach(async () => {
    expect(browser.externalRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // A view's error boundary or a failed query shows an alert instead of throwing: none is expected.
    expect(await browser.page.getByRole('alert').allTextContents()).toEqual([]);
  });

  it('lists the full NATINF list with only the visible rows in the page, and narrows it as one types', async () => {
    const { page } = browser;
    await page.goto(`${mock.url}/explorer/referentials`);
    await page.getByTestId('natinf-count').getByText('17000 infraction(s)').waitFor();
    expect(await page.getByTestId('natinf-row').count()).toBeLessThan(60);
    await page.getByTestId('natinf-results').evaluate((el: any) => (el.scrollTop = 300_000));
    await page.getByTestId('natinf-results').getByText('infraction n° 8').first().waitFor();
    const typed = Date.now();
    await page.getByTestId('natinf-search').pressSequentially('recel', { delay: 40 });
    await page.getByTestId('natinf-count').getByText('1700 infraction(s)').waitFor();
    expect(Date.now() - typed).toBeLessThan(5_000);
    const labels = await page.getByTestId('natinf-row').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.includes('Recel'))).toBe(true);
    expect(labels[0]).toContain('infraction n° 2');
    await page.getByTestId('natinf-row').first().click();
    await page.getByTestId('entry-history').getByText('Ancien libellé', { exact: false }).waitFor();
    await page.getByTestId('release-diff').getByText('40 ajoutée(s)', { exact: false }).waitFor();
    await page.locator('.tree-toggle').first().click();
    await page.getByText('Nature 11').waitFor();
    await browser.screenshot('referentials-contract');
  });
});
