import { openBrowser, type Browser } from '../support/browser';
import { startReferentialsMock } from '../support/referentials-mock';
import type { Untyped } from '../support/untyped';

/**
 * The Referential browser at full NATINF size (17 000 entries, a stand-in of the referentials API, whose demo data has
 * 19): pages of 100 fetched as one scrolls, only the visible rows in the page, search as one types, history, diff.
 * The real subgraph's suite is referentials.spec.ts.
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
    // Scrolling to the end of what is loaded fetches the next page, again and again.
    for (const page_ of [2, 3, 4]) {
      await page.getByTestId('natinf-results').evaluate((el: Untyped) => (el.scrollTop = el.scrollHeight));
      await page
        .getByTestId('natinf-results')
        .getByText(new RegExp(`infraction n° ${page_ - 1}0[1-9]$`))
        .first()
        .waitFor();
    }
    expect(await page.getByTestId('natinf-row').count()).toBeLessThan(60);
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
    await browser.screenshot('referentials-contract');
  });
});
