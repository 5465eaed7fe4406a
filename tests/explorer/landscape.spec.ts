// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: Untyped;
declare const window: Untyped;
import { readFileSync } from 'node:fs';
import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { flushUsage } from '../../src/kernel/usage/usage-recorder';
import { axeViolations } from '../support/axe';
import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';
import { gql, type Target } from '../support/graphql-client';
import { seedLandscapeIfEmpty } from '../support/landscape-seed';
import type { Untyped } from '../support/untyped';

const graphCounts = () => ({
  apps: window.landscape.nodes('.app').length,
  partners: window.landscape.nodes('.partner').length,
  edges: window.landscape.edges().length,
  floating: window.landscape.nodes('.partner').filter((n: Untyped) => n.connectedEdges().length === 0).length,
});

describe('explorer: landscape map (headless Chromium)', () => {
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
  const openMap = async () => {
    await browser.page.goto(`${server.http.url}/explorer/map`);
    await browser.page.waitForFunction(() => (window.landscape?.nodes('.app').length ?? 0) > 0);
  };
  afterEach(async () => {
    expect(browser.externalRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // A view's error boundary or a failed query shows an alert instead of throwing: none is expected.
    expect(await browser.page.getByRole('alert').allTextContents()).toEqual([]);
  });

  it('draws the applications and exchanges, and opens an application on click', async () => {
    const { page } = browser;
    // A fresh start: the explorer opens on the map.
    await page.goto(`${server.http.url}/explorer/`);
    expect(await page.locator('[data-view]').getAttribute('data-view')).toBe('map');
    await page.waitForFunction(() => (window.landscape?.nodes('.app').length ?? 0) > 0);
    const counts = await page.evaluate(graphCounts);
    expect(counts.apps).toBeGreaterThan(2);
    expect(counts.edges).toBeGreaterThan(0);
    expect(await page.getByTestId('map-counts').textContent()).toContain(`${counts.apps} application(s)`);
    const point = await page.evaluate(() => {
      const node = window.landscape.getElementById('app:CASSIOPEE');
      const box = document.querySelector('[data-testid=landscape-graph]')!.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    await page
      .getByTestId('application-panel')
      .getByRole('heading', { name: /Cassiopée/ })
      .waitFor();
    expect(page.url()).toMatch(/\/explorer\/map\?app=CASSIOPEE$/);
    await page.getByTestId('impact').waitFor();
    // Enum codes are shown in French, the code kept in the tooltip.
    expect(await page.getByTestId('application-panel').textContent()).not.toMatch(/PRODUCTION|PENAL\b/);
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('map');
  });

  it('opens an exchange when its edge is clicked: partner, format, transport, signature, schema version, status', async () => {
    const { page } = browser;
    await openMap();
    const point = await page.evaluate(() => {
      const edge = window.landscape.edges().filter((e: Untyped) => e.data('exchange') === 'MINOS_TRESOR')[0];
      const box = document.querySelector('[data-testid=landscape-graph]')!.getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByTestId('exchange-panel');
    await panel.getByText('Amendes à recouvrer').waitFor();
    const text = await panel.textContent();
    for (const term of ['Producteur', 'Minos', 'Consommateurs', 'DGFiP', 'Format', 'Transport', 'Signature', 'Versions de schéma', 'Statut'])
      expect(text).toContain(term);
    expect(page.url()).toContain('exchange=MINOS_TRESOR');
    expect(await page.evaluate(() => window.landscape.edges('.chosen').map((e: Untyped) => e.data('exchange')))).toEqual(['MINOS_TRESOR']);
    await browser.screenshot('map-exchange');
  });

  it('searches an application, focuses on its neighbourhood, counts follow, no partner left floating', async () => {
    const { page } = browser;
    await openMap();
    const all = await page.evaluate(graphCounts);
    await page.getByTestId('app-search').fill('apc');
    expect(await page.getByTestId('app-search-suggestions').locator('[role=option]').count()).toBe(0);
    await page.getByTestId('app-search').fill('appi');
    await page.getByTestId('app-search-suggestions').getByRole('option', { name: /^APPI/ }).waitFor();
    await page.getByTestId('app-search').press('ArrowDown');
    await page.getByTestId('app-search').press('Enter');
    await page.getByTestId('application-panel').getByRole('heading', { name: /APPI/ }).waitFor();
    await page.getByTestId('focus-toggle').check();
    await page.waitForFunction(() => window.landscape.nodes('.app').length === 2);
    const focused = await page.evaluate(graphCounts);
    // APPI receives from Cassiopée and sends to GENESIS (prison administration): nothing else stays.
    expect(focused).toEqual({ apps: 2, partners: 1, edges: 2, floating: 0 });
    expect(await page.getByTestId('map-counts').textContent()).toBe('2 application(s) · 2 échange(s) · 1 partenaire(s)');
    expect(page.url()).toContain('focus=1');
    await page.goBack();
    await page.waitForFunction((n: number) => window.landscape.nodes('.app').length === n, all.apps);
    // A domain filter keeps only its applications, and partners only while an exchange still links them.
    await page.getByTestId('domain-filter').selectOption('CIVIL');
    await page.waitForFunction(() => window.landscape.nodes('.app').every((n: Untyped) => n.data('domain') === 'CIVIL'));
    const civil = await page.evaluate(graphCounts);
    expect(civil.floating).toBe(0);
    expect(civil.apps).toBeLessThan(all.apps);
    expect(await page.getByTestId('map-counts').textContent()).toBe(
      `${civil.apps} application(s) · ${civil.edges} échange(s) · ${civil.partners} partenaire(s)`,
    );
    await page.getByTestId('domain-filter').selectOption('');
  });

  it('is usable with the keyboard: the graph takes focus and arrows walk applications; the table has the same data', async () => {
    const { page } = browser;
    await openMap();
    const graph = page.getByTestId('landscape-graph');
    expect(await graph.getAttribute('role')).toBe('application');
    expect(await graph.getAttribute('tabindex')).toBe('0');
    expect(await graph.getAttribute('aria-label')).toContain('application(s)');
    await graph.focus();
    await page.keyboard.press('ArrowRight');
    const first = await page.locator('#landscape-focus').textContent();
    expect(first).toMatch(/—/);
    await page.keyboard.press('Enter');
    await page.getByTestId('application-panel').waitFor();
    expect(page.url()).toMatch(/app=/);
    await page.getByTestId('show-table').click();
    const table = page.getByTestId('landscape-table');
    const rows = await table.locator('table').first().locator('tbody tr').count();
    expect(rows).toBe(Number((await page.getByTestId('map-counts').textContent())!.split(' ')[0]));
    await table.getByRole('button', { name: 'Décisions à exécuter' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('exchange-panel').getByText('Décisions à exécuter').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('map-table');
    await page.getByRole('button', { name: 'Graphe' }).click();
  });

  it('exports the current view as PNG and SVG', async () => {
    const { page } = browser;
    await openMap();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('cartographie.png');
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const content = readFileSync((await svg.path())!, 'utf8');
    expect(content).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const apps = await page.evaluate(() => window.landscape.nodes('.app').length);
    expect(content.match(/<circle /g)?.length).toBe(apps);
    expect(content).toContain('Cassiopée');
  });

  it('colours application → referential edges by observed use once two applications read through HTTP, for an architect', async () => {
    const { page } = browser;
    const admin: Target = { url: server.http.url, authorization: `Bearer ${DEV_ADMIN_KEY}` };
    const keyOf = async (roles: string[], application?: string): Promise<Target> => {
      const { data, errors } = await gql(admin, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', {
        input: { name: `e2e ${application ?? roles[0]}`, roles, application },
      });
      expect(errors).toBeUndefined();
      return { url: server.http.url, authorization: `Bearer ${data!.createApiKey.key}` };
    };
    // The demo catalog: CASSIOPEE declared NATINF, PORTALIS declared NAC only.
    const natinf = 'query NatinfPage { entries(referential: "NATINF", first: 1) { totalCount } }';
    const cassiopee = await keyOf(['READER'], 'CASSIOPEE');
    const portalis = await keyOf(['READER'], 'PORTALIS');
    for (const reader of [cassiopee, cassiopee, portalis]) expect((await gql(reader, natinf)).errors).toBeUndefined();
    await flushUsage();
    const architect = await keyOf(['ARCHITECT']);

    // The control is a checkbox in the toolbar: the keyboard turns it on, and the URL says so.
    await page.goto(`${server.http.url}/explorer/map`);
    await page.waitForFunction(() => (window.landscape?.nodes('.app').length ?? 0) > 0);
    await page.getByTestId('usage-toggle').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\/explorer\/map\?usage=observed$/);
    // Without the role the map stays as it was and says what is missing.
    await page.getByTestId('usage-error').getByText('demande le rôle ARCHITECT', { exact: false }).waitFor();
    expect(await page.evaluate(() => window.landscape.edges('.reading').length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('token-input').fill(architect.authorization as string);
    await page.waitForFunction(() => window.landscape?.edges('.reading').length > 0);
    const uses = await page.evaluate(() =>
      Object.fromEntries(
        window.landscape
          .edges('.reading')
          .filter((e: Untyped) => ['CASSIOPEE', 'PORTALIS'].includes(e.data('application')))
          .map((e: Untyped) => [e.id(), [e.data('use'), e.style('line-color')]]),
      ),
    );
    expect(uses).toEqual({
      'read:CASSIOPEE:NATINF': ['declared-and-read', 'rgb(46,125,50)'],
      'read:PORTALIS:NATINF': ['read-undeclared', 'rgb(196,81,0)'],
      'read:PORTALIS:NAC': ['declared-unread', 'rgb(117,117,117)'],
    });
    // Referentials sit in their own box, left of the ministry's applications.
    expect(
      await page.evaluate(() => window.landscape.getElementById('ref:NATINF').position('x') < window.landscape.getElementById('app:CASSIOPEE').position('x')),
    ).toBe(true);
    const legend = await page.getByTestId('usage-legend').textContent();
    for (const term of ['déclaré et lu', 'déclaré, non lu', 'lu sans déclaration']) expect(legend).toContain(term);

    // A click on the edge opens its figures beside the map, in a deep link.
    const point = await page.evaluate(() => {
      const p = window.landscape.getElementById('read:CASSIOPEE:NATINF').renderedMidpoint();
      const box = document.querySelector('[data-testid=landscape-graph]')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    const panel = page.getByTestId('reading-panel');
    await panel.waitFor();
    expect(page.url()).toMatch(/\/explorer\/map\?app=CASSIOPEE&referential=NATINF&usage=observed$/);
    expect(await panel.getAttribute('data-use')).toBe('declared-and-read');
    expect(await panel.getByTestId('reading-requests').textContent()).toBe('2');
    expect(await panel.textContent()).toContain('Lecture, version 1');
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('map-observed-usage');

    // The deep link opens on its own (the token stays for the tab); the table says the same in words.
    await page.goto(`${server.http.url}/explorer/map?app=PORTALIS&referential=NATINF&usage=observed`);
    await page.getByTestId('reading-panel').getByText('lu sans déclaration').waitFor();
    expect(await page.getByTestId('reading-requests').textContent()).toBe('1');
    expect(await page.evaluate(() => window.landscape.edges('.chosen').map((e: Untyped) => e.id()))).toEqual(['read:PORTALIS:NATINF']);
    await page.getByTestId('show-table').click();
    const row = page.getByTestId('readings-table').locator('tr', { has: page.getByRole('button', { name: /^Portalis → Nomenclature des affaires civiles/ }) });
    expect(await row.getAttribute('data-use')).toBe('declared-unread');
    await row.getByRole('button').press('Enter');
    await page.waitForURL(/app=PORTALIS&referential=NAC&usage=observed$/);
    expect(await page.getByTestId('reading-panel').getAttribute('data-use')).toBe('declared-unread');
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('map-observed-usage-table');
    await page.getByRole('button', { name: 'Graphe' }).click();
  });
});
