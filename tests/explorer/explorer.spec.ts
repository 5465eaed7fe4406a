// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: Untyped;
declare const window: Untyped;
import { startGatewayServer } from '../../src/platform/servers';
import { axeViolations } from '../support/axe';
import { PHONE, openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';
import type { Untyped } from '../support/untyped';

/** The explorer as an architect opens it: served by the platform, offline, each view working against real courts. */
describe('explorer (headless Chromium)', () => {
  let server: ExplorerServer;
  let browser: Browser;
  const open = (route = '') => browser.page.goto(`${server.http.url}/explorer/${route}`);
  const openIde = async () => {
    await open('ide');
    await browser.page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  };
  // GraphiQL remembers its open pane across visits (local storage): a pane is shown only if it is hidden.
  const showPane = async (name: string) => {
    const show = browser.page.getByRole('button', { name: `Show ${name}` });
    if (await show.count()) await show.click();
  };

  beforeAll(async () => {
    server = await startExplorerServer();
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

  it('is served at /explorer with an SPA fallback, and / leads to it', async () => {
    const index = await fetch(`${server.http.url}/explorer/courts`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect((await fetch(`${server.http.url}/`, { redirect: 'manual' })).headers.get('location')).toBe('/explorer/');
    const sdl = await fetch(`${server.http.url}/explorer/api/supergraph.graphql`).then((r) => r.text());
    expect(sdl).toContain('@join__graph(name: "organisation"');
  });

  it('is served by the split-mode gateway too', async () => {
    // No subgraph needs to answer: the explorer's files and the supergraph come from the gateway itself.
    const gateway = await startGatewayServer({}, { host: '127.0.0.1', port: 0 });
    try {
      expect(await fetch(`${gateway.url}/explorer/schema`).then((r) => r.text())).toContain('<div id="root">');
      expect(await fetch(`${gateway.url}/explorer/api/supergraph.graphql`).then((r) => r.text())).toContain('join__Graph');
    } finally {
      await gateway.stop();
    }
  });

  it('runs a query in the IDE and shows its result', async () => {
    const { page } = browser;
    await openIde();
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as HTMLElement & { CodeMirror: { setValue(v: string): void } };
      editor.CodeMirror.setValue('{ court(code: "100023") { shortName type } }');
    });
    // GraphiQL re-reads the operation name 100 ms after an edit (debounced); run after that, as a person would.
    await page.waitForTimeout(500);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('CA LYON').waitFor();
    const response = await page.evaluate(() =>
      (document.querySelector('.graphiql-response .CodeMirror') as HTMLElement & { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
    );
    expect(JSON.parse(response)).toEqual({ data: { court: { shortName: 'CA LYON', type: 'COUR_APPEL' } } });
    await browser.screenshot('ide');
  });

  it('offers example operations per subgraph and the docs explorer', async () => {
    const { page } = browser;
    await openIde();
    await showPane('Exemples');
    await page.getByRole('button', { name: 'Anomalies de compétence territoriale' }).click();
    await page.locator('.graphiql-query-editor').getByText('competenceIssues').first().waitFor();
    await showPane('Documentation Explorer');
    await page.locator('.graphiql-doc-explorer').getByText('Query').first().waitFor();
    await browser.screenshot('ide-docs');
  });

  it('runs the example just picked, not the previous operation', async () => {
    const { page } = browser;
    await openIde();
    await showPane('Exemples');
    await page.getByRole('button', { name: "Cours d'appel et leurs tribunaux judiciaires" }).click();
    // No pause: Run at once, before GraphiQL's debounced operation name catches up.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('CoursDAppel')),
      page.locator('.graphiql-execute-button').click(),
    ]);
    expect(JSON.parse(request.postData()!).operationName).toBe('CoursDAppel');
    await page.locator('.graphiql-response').getByText('totalCount').waitFor();
    // With two operations, the one under the cursor is sent.
    await page.evaluate(() => {
      const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as HTMLElement & { CodeMirror: Untyped }).CodeMirror;
      cm.setValue('query First { court(code: "100023") { name } }\nquery Second { court(code: "100023") { shortName } }');
      cm.focus();
      cm.setCursor({ line: 1, ch: 8 });
    });
    // With several operations GraphiQL's button opens a menu; Ctrl+Enter runs the one under the cursor.
    const [second] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('Second')),
      page.keyboard.press('Control+Enter'),
    ]);
    expect(JSON.parse(second.postData()!).operationName).toBe('Second');
    await page.locator('.graphiql-response').getByText('CA LYON').waitFor();
  });

  it("shows the gateway's query plan of the operation in the editor", async () => {
    const { page } = browser;
    await openIde();
    await page.evaluate(() => {
      const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as HTMLElement & { CodeMirror: Untyped }).CodeMirror;
      cm.setValue('query Plan { court(code: "100023") { name children { name } } }');
    });
    await showPane('Plan de requête');
    const plan = page.getByTestId('query-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(/QueryPlan \{[\s\S]*Fetch\(service: "organisation"\)/);
    const direct = await fetch(`${server.http.url}/explorer/api/query-plan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { errors: { message: string }[] }).errors[0].message).toContain('nope');
    // GraphiQL's own panes are not the explorer's: axe runs on the rest (their issues are listed in the README).
    expect(await axeViolations(page, ['.graphiql-container'])).toEqual([]);
    await browser.screenshot('ide-plan');
  });

  it('browses the schema: an index with exact-name matches first, types as links, relations, subgraphs, change log', async () => {
    const { page } = browser;
    await open('schema');
    await page.locator('#type-Query').waitFor();
    await page.getByTestId('schema-search').fill('court');
    const index = page.getByTestId('type-index').locator('a');
    await page.waitForFunction(() => document.querySelector('[data-testid=type-index] a')?.textContent === 'Court');
    const names = await index.allTextContents();
    expect(names.slice(0, 3)).toEqual(['Court', ...names.slice(1, 3)]);
    expect(names.slice(1).every((n) => n !== 'Court')).toBe(true);
    await page.getByTestId('schema-search').press('Enter');
    const court = page.locator('#type-Court');
    await court.getByText('@key(code)').waitFor();
    expect(await court.textContent()).toContain('The court above this one');
    await page.getByTestId('schema-search').fill('competence');
    expect(await index.allTextContents()).toContain('CompetenceIssue');
    expect(await index.allTextContents()).not.toContain('Court');
    await page.getByTestId('schema-tab-relations').click();
    await page.waitForFunction(() => (window.relations?.nodes().length ?? 0) > 2);
    const entity = await page.evaluate(() => window.relations.getElementById('Court').data('label'));
    expect(entity).toContain('organisation');
    await browser.screenshot('schema-relations');
    await page.getByTestId('schema-tab-subgraphs').click();
    const matrix = page.getByTestId('entity-matrix');
    await matrix.waitFor();
    // The entities table fits its panel.
    const [table, panel] = await matrix.evaluate((el: Untyped) => [el.getBoundingClientRect().right, el.closest('.panel').getBoundingClientRect().right]);
    expect(table).toBeLessThanOrEqual(panel);
    await page.getByTestId('schema-tab-changes').click();
    expect(await page.getByTestId('changelog').locator('li').count()).toBeGreaterThan(0);
    // The build-time diff must see types as types: one graphql instance for the inspector and the schemas.
    expect(await page.getByTestId('changelog').evaluate((el: Untyped) => el.textContent)).not.toMatch(/kind changed from '(\w+)' to '\1'/);
    expect(page.url()).toContain('schema?tab=changes');
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('schema');
  });

  it('draws the court hierarchy as a keyboard tree and finds the courts competent for a commune', async () => {
    const { page } = browser;
    await open('courts');
    const tree = page.getByTestId('court-tree');
    await tree.getByText("Cour d'Appel d'Aix-en-Provence").waitFor();
    // Tree keys: Tab reaches the first item, ↓ moves, → opens, Enter opens the court's page.
    await tree.locator('[role=treeitem]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const second = tree.locator('[role=treeitem]').nth(1);
    expect(await second.getAttribute('aria-expanded')).toBe('true');
    await second.locator('[role=group] [role=treeitem]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('court-details').waitFor();
    expect(page.url()).toMatch(/\/explorer\/courts\/\w+$/);
    await page.getByTestId('court-type-chart').getByText('Tribunal judiciaire').waitFor();
    await open('courts');
    await page.getByTestId('competent-courts').getByText('Tribunal judiciaire de Bourg-en-Bresse').waitFor();
    // An empty field says what to type.
    await page.getByTestId('insee-input').fill('');
    await page.getByRole('button', { name: 'Chercher' }).click();
    expect(await page.getByTestId('commune-feedback').textContent()).toContain('Saisissez');
    // A name gives suggestions; picking one looks the commune up.
    await page.getByTestId('insee-input').fill('Strasb');
    await page
      .getByTestId('insee-input-suggestions')
      .getByRole('option', { name: /Strasbourg/ })
      .click();
    await page.getByTestId('commune-name').getByText('Strasbourg').waitFor();
    expect(page.url()).toContain('insee=67482');
    await page.getByTestId('insee-input').fill('75056');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByTestId('competent-courts').getByText('Tribunal judiciaire de Paris').waitFor();
    // A name the explorer does not know is explained in French.
    await page.getByTestId('insee-input').fill('Nulle-Part-sur-Mer');
    await page.getByRole('button', { name: 'Chercher' }).click();
    expect(await page.getByTestId('commune-feedback').textContent()).toContain("n'est ni un code INSEE");
    expect(await axeViolations(page)).toEqual([]);
    await browser.screenshot('courts');
  });

  it('keeps the IDE result pane reachable on a phone', async () => {
    const phone = await openBrowser({ viewport: PHONE });
    try {
      await phone.page.goto(`${server.http.url}/explorer/ide`);
      await phone.page.locator('.graphiql-query-editor .CodeMirror').waitFor();
      await phone.page.locator('.graphiql-execute-button').click({ timeout: 10_000 });
      const response = phone.page.locator('.graphiql-response');
      await response.getByText('competentCourts').first().waitFor();
      await response.scrollIntoViewIfNeeded();
      const box = (await response.boundingBox())!;
      expect(box.width).toBeGreaterThan(250);
      expect(box.height).toBeGreaterThan(150);
      expect(box.y).toBeLessThan(844);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.screenshot('ide-phone');
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
