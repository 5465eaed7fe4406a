// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: Untyped;
declare const window: Untyped;
import type { Locator } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { DESKTOP, PHONE, openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';
import { gql } from '../support/graphql-client';
import type { Untyped } from '../support/untyped';

/** Every selection is a link that opens on its own, shows the item on screen, names the page, and passes axe. */
describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('explorer deep links (headless Chromium, %s)', (device, viewport) => {
  let server: ExplorerServer;
  let browser: Browser;
  const open = async (route: string) => {
    await browser.page.goto(`${server.http.url}/explorer/${route}`);
  };
  const onScreen = async (locator: Locator) => {
    await locator.first().waitFor();
    const box = await locator.first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(viewport.height);
    expect(box!.y + box!.height).toBeGreaterThan(0);
  };
  const noHorizontalScroll = async () => {
    expect(await browser.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  };
  const accessible = async (exclude: string[] = []) => expect(await axeViolations(browser.page, exclude)).toEqual([]);

  beforeAll(async () => {
    server = await startExplorerServer({ demo: true });
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

  it('courts?insee=2A004 shows the commune, its department, and each chain top-down', async () => {
    const { page } = browser;
    await open('courts?insee=2A004');
    const name = page.getByTestId('commune-name');
    await name.getByText('Ajaccio').waitFor();
    expect(await name.textContent()).toContain('Corse-du-Sud (2A)');
    await onScreen(page.getByTestId('commune-result'));
    // The proximity court (or CPH) reads CA › TJ › court: the cour d'appel first.
    const chains = await page.getByTestId('competent-courts').locator('.chain').allTextContents();
    const prudhommes = chains.find((c) => /prud'hommes/i.test(c))!;
    expect(prudhommes).toBeDefined();
    expect(prudhommes.indexOf('BASTIA')).toBeGreaterThanOrEqual(0);
    expect(prudhommes.indexOf('BASTIA')).toBeLessThan(prudhommes.indexOf('AJACCIO'));
    expect(prudhommes.trim().toLowerCase().endsWith("conseil de prud'hommes d'ajaccio")).toBe(true);
    expect(await page.title()).toBe('Ajaccio (2A004) · Juridictions · Référentiel Justice');
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`deep-link-commune-${device}`);
  });

  it('back and forward walk the communes looked up', async () => {
    const { page } = browser;
    await open('courts?insee=2A004');
    await page.getByTestId('commune-name').getByText('Ajaccio').waitFor();
    await page.getByTestId('commune-lookup').getByRole('link', { name: 'Paris' }).click();
    await page.getByTestId('commune-name').getByText('Paris').waitFor();
    expect(page.url()).toContain('insee=75056');
    await page.goBack();
    await page.getByTestId('commune-name').getByText('Ajaccio').waitFor();
    expect(await page.getByTestId('insee-input').inputValue()).toBe('2A004');
    await page.goForward();
    await page.getByTestId('commune-name').getByText('Paris').waitFor();
  });

  it('courts/<code> opens the court with its chain and the courts below it', async () => {
    const { page } = browser;
    const { data } = await gql(server.http, '{ courts(filter: { search: "Bourg-en-Bresse", type: TRIBUNAL_JUDICIAIRE }) { edges { node { code name } } } }');
    const tj = data.courts.edges[0].node;
    await open(`courts/${tj.code}`);
    const details = page.getByTestId('court-details');
    await details.getByRole('heading', { name: tj.name }).waitFor();
    await onScreen(details);
    expect(await details.locator('.chain').textContent()).toMatch(/CA LYON.*›.*Bourg-en-Bresse/);
    await details.getByText('Juridictions rattachées', { exact: false }).waitFor();
    expect(await page.title()).toBe(`${tj.name} · Juridictions · Référentiel Justice`);
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`deep-link-court-${device}`);
  });

  it('referentials/NATINF/41 opens the entry with its history and legal references', async () => {
    const { page } = browser;
    await open('referentials/NATINF/41');
    const entry = page.getByTestId('entry-history');
    await entry.getByText('IVRESSE', { exact: false }).first().waitFor();
    await entry.getByText('Réprimée par').waitFor();
    await entry.getByText('Définie par').waitFor();
    await entry.getByText('version 1', { exact: false }).first().waitFor();
    await onScreen(entry);
    expect(await page.title()).toMatch(/^NATINF 41 — CONDUITE D'UN VEHICULE EN ETAT D'IVRESSE MANIFESTE · Référentiels · /);
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`deep-link-natinf-${device}`);
  });

  it('map?app=CASSIOPEE opens the application with its exchanges, and its retirement does not count itself', async () => {
    const { page } = browser;
    await open('map?app=CASSIOPEE');
    const panel = page.getByTestId('application-panel');
    await panel.getByRole('heading', { name: /Cassiopée/ }).waitFor();
    await onScreen(panel);
    await page.getByTestId('exchanges-in').getByText('Enregistrement des procédures dans Cassiopée').waitFor();
    await page.getByTestId('exchanges-out').getByText('Décisions à exécuter').waitFor();
    expect(await page.getByTestId('exchanges-in').textContent()).toMatch(/de NPP.*(XML|JSON|PDF|CSV|Fichier plat).*signature/);
    const { data } = await gql(server.http, '{ impactOf(change: { retiredApplication: "CASSIOPEE" }) { applications { application { code } } } }');
    const others = data.impactOf.applications.filter((a: { application: { code: string } }) => a.application.code !== 'CASSIOPEE').length;
    expect(await page.getByTestId('impact-applications').textContent()).toBe(`${others} autre(s) application(s)`);
    expect(await page.title()).toBe('Cassiopée · Cartographie · Référentiel Justice');
    // The node is selected on the graph too.
    await page.waitForFunction(() => window.landscape?.getElementById('app:CASSIOPEE').selected());
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`deep-link-map-${device}`);
  });

  it('schema/Court opens the type, its field types as links', async () => {
    const { page } = browser;
    await open('schema/Court');
    const card = page.locator('#type-Court');
    await card.getByText('@key(code)').waitFor();
    await onScreen(card);
    expect(await page.title()).toBe('Court · Schéma · Référentiel Justice');
    await card.locator('.field-type a', { hasText: 'CourtSite' }).first().click();
    await page.locator('#type-CourtSite').waitFor();
    expect(page.url()).toMatch(/\/explorer\/schema\/CourtSite$/);
    await page.goBack();
    await page.locator('#type-Court').waitFor();
    await noHorizontalScroll();
    await accessible();
    await browser.screenshot(`deep-link-schema-${device}`);
  });

  it('an unknown route says so', async () => {
    const { page } = browser;
    await open('nowhere/at-all');
    await page.getByTestId('not-found').getByText('Page introuvable').waitFor();
    expect(await page.title()).toBe('Page introuvable · Référentiel Justice');
    await accessible();
  });

  it('has an h1, a skip link to the content, and tabs that all fit the screen', async () => {
    const { page } = browser;
    await open('courts');
    expect(await page.locator('h1').count()).toBe(1);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((el: Untyped) => el === document.activeElement)).toBe(true);
    for (const tab of ['map', 'schema', 'referentials', 'courts', 'reviews', 'ide']) {
      const box = (await page.getByTestId(`tab-${tab}`).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    await browser.screenshot(`tabs-${device}`);
  });
});
