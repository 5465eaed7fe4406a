import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { explorerRouter } from '../../src/kernel/http/explorer';
import { openBrowser, type Browser } from '../support/browser';

// A gateway whose supergraph has only the organisation subgraph, as before the catalog and referentials merges.
const ORGANISATION_ONLY = `enum join__Graph { ORGANISATION @join__graph(name: "organisation", url: "http://127.0.0.1:1/graphql") }
type Query { court(code: ID!): String courts: String competentCourts(insee: String!): String }`;

/** Views whose subgraph the gateway does not serve say so, instead of failing on unknown fields. */
describe('explorer: views whose subgraph is not served', () => {
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const app = express();
    app.use('/explorer', explorerRouter({ supergraphSdl: ORGANISATION_ONLY }));
    app.post('/graphql', (_req, res) => void res.status(400).json({ errors: [{ message: 'not expected in this test' }] }));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each([
    ['referentials', 'referentials'],
    ['map', 'catalog / exchanges'],
    ['reviews', 'referentials'],
  ])('%s says its subgraph is not available', async (route, subgraph) => {
    await browser.page.goto(`${url}/explorer/${route}`);
    const notice = browser.page.getByTestId('subgraph-unavailable');
    await notice.getByText("Ce sous-graphe n'est pas disponible").waitFor();
    expect(await notice.textContent()).toContain(subgraph);
    await browser.screenshot(`${route}-unavailable`);
    expect(browser.externalRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
