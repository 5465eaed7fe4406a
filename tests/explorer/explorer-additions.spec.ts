// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: Untyped;
import { axeViolations } from '../support/axe';
import { DESKTOP, PHONE, openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';
import { gql } from '../support/graphql-client';
import type { Untyped } from '../support/untyped';

/** The Revues tab, observed usage in the Schéma view and the court sites' directory details: deep links, layout, axe. */
describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('explorer additions (headless Chromium, %s)', (device, viewport) => {
  let server: ExplorerServer;
  let browser: Browser;
  const open = (route: string) => browser.page.goto(`${server.http.url}/explorer/${route}`);
  const noHorizontalScroll = async () => {
    expect(await browser.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  };
  const accessible = async () => expect(await axeViolations(browser.page, [])).toEqual([]);

  beforeAll(async () => {
    server = await startExplorerServer();
    browser = await openBrowser({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    expect(browser.externalRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('reviews opens the Revues tab, which asks for a steward token', async () => {
    const { page } = browser;
    await open('reviews');
    await page.getByRole('heading', { name: 'Revues en attente' }).waitFor();
    await page.getByTestId('reviews-need-token').waitFor();
    expect(await page.title()).toBe('Revues · Référentiel Justice');
    expect(await page.getByTestId('tab-reviews').getAttribute('aria-current')).toBe('page');
    const box = (await page.getByTestId('tab-reviews').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`reviews-${device}`);
  });

  it('schema/Court?field=parent shows the field selected and its usage panel, which needs the ARCHITECT role', async () => {
    const { page } = browser;
    await open('schema/Court?field=parent');
    const panel = page.locator('#field-usage-panel');
    await panel.getByRole('heading', { name: 'Usage observé de Court.parent' }).waitFor();
    await panel.getByText('demande le rôle ARCHITECT', { exact: false }).waitFor();
    expect(await page.locator('#type-Court tr.selected .field-name').textContent()).toContain('parent');
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeLessThan(viewport.height);
    expect(box.y + box.height).toBeGreaterThan(0);
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`schema-field-usage-${device}`);
    // The usage tab lists unused fields, behind the same token field.
    await page.getByTestId('schema-tab-usage').click();
    await page.locator('#unused-fields-panel').getByText('demande le rôle ARCHITECT', { exact: false }).waitFor();
    expect(page.url()).toMatch(/\/explorer\/schema\?tab=usage$/);
    await accessible();
  });

  it('courts/<code> shows each site with what the public directory gives', async () => {
    const { page } = browser;
    const { data } = await gql(
      server.http,
      `{ courts(filter: { search: "Bourg-en-Bresse", type: TRIBUNAL_JUDICIAIRE }) { edges { node {
      code name sites { label address phones emails directoryUrl openingHours { days } } } } } }`,
    );
    const tj = data.courts.edges[0].node;
    expect(tj.sites.length).toBeGreaterThan(0);
    await open(`courts/${tj.code}`);
    const sites = page.getByTestId('court-site');
    await sites.first().waitFor();
    expect(await sites.count()).toBe(tj.sites.length);
    const text = (await sites.allTextContents()).join('\n');
    for (const site of tj.sites) {
      if (site.address) expect(text).toContain(site.address);
      for (const phone of site.phones) expect(text).toContain(phone);
      for (const email of site.emails) expect(text).toContain(email);
      for (const hours of site.openingHours) expect(text).toContain(hours.days);
    }
    const directory = tj.sites.filter((s: { directoryUrl: string | null }) => s.directoryUrl).length;
    expect(await sites.getByRole('link', { name: "Fiche de l'annuaire de l'administration" }).count()).toBe(directory);
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`court-sites-${device}`);
  });
});
