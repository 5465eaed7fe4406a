// page.evaluate callbacks run in the browser; the Node test program has no DOM types.
declare const document: any;
import { startGatewayServer } from '../../src/platform/servers';
import { openBrowser, type Browser } from '../support/browser';
import { startExplorerServer, type ExplorerServer } from '../support/explorer-server';

/** The explorer as an architect opens it: served by the platform, offline, each view working against real courts. */
describe('explorer (headless Chromium)', () => {
  let server: ExplorerServer;
  let browser: Browser;
  const open = (route = '') => browser.page.goto(`${server.http.url}/explorer/${route}`);

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
    await open('ide');
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as HTMLElement & { CodeMirror: { setValue(v: string): void } };
      editor.CodeMirror.setValue('{ court(code: "100023") { shortName type } }');
    });
    // GraphiQL re-reads the operation name 100 ms after an edit (debounced); run after that, as a person would.
    await page.waitForTimeout(500);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('CA LYON').waitFor();
    const response = await page.evaluate(() => (document.querySelector('.graphiql-response .CodeMirror') as HTMLElement & { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(response)).toEqual({ data: { court: { shortName: 'CA LYON', type: 'COUR_APPEL' } } });
    await browser.screenshot('ide');
  });

  it('offers example operations per subgraph and the docs explorer', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Show Exemples' }).click();
    await page.getByRole('button', { name: 'Anomalies de compétence territoriale' }).click();
    await page.locator('.graphiql-query-editor').getByText('competenceIssues').first().waitFor();
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query').first().waitFor();
    await browser.screenshot('ide-docs');
  });

  it('browses the schema: owners, keys, descriptions, search, change log', async () => {
    const { page } = browser;
    await open('schema');
    const court = page.locator('#type-Court');
    await court.waitFor();
    await court.getByText('@key(code)').waitFor();
    expect(await court.textContent()).toContain('organisation');
    expect(await court.textContent()).toContain('The court above this one');
    await page.getByTestId('schema-search').fill('competence');
    await page.locator('#type-Court').waitFor({ state: 'detached' });
    expect(await page.locator('#type-CompetenceIssue').count()).toBe(1);
    expect(await page.getByTestId('changelog').locator('li').count()).toBeGreaterThan(0);
    // The build-time diff must see types as types: one graphql instance for the inspector and the schemas.
    expect(await page.getByTestId('changelog').evaluate((el: any) => el.textContent)).not.toMatch(/kind changed from '(\w+)' to '\1'/);
    await page.getByTestId('schema-search').fill('');
    await browser.screenshot('schema');
  });

  it('draws the court hierarchy and finds the courts competent for a commune', async () => {
    const { page } = browser;
    await open('courts');
    await page.getByTestId('court-tree').getByText("Cour d'appel de Lyon").click();
    await page.getByTestId('court-tree').getByText('Tribunal judiciaire de Bourg-en-Bresse').waitFor();
    await page.getByTestId('court-type-chart').getByText('Tribunal judiciaire').waitFor();
    await page.getByTestId('competent-courts').getByText('Tribunal judiciaire de Bourg-en-Bresse').waitFor();
    await page.getByTestId('insee-input').fill('75056');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByTestId('competent-courts').getByText('Tribunal judiciaire de Paris').waitFor();
    await browser.screenshot('courts');
  });
});
