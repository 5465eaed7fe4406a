import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema, graphql } from 'graphql';
import { explorerRouter } from '../../src/kernel/http/explorer';

/** The API the Referential browser is written against (explorer/src/views/referentials/operations.ts). */
export const REFERENTIALS_CONTRACT = `
type EntrySummary { code: String! label: String! }
type EntryPage { totalCount: Int! nodes: [EntrySummary!]! }
type NacNode { code: String! label: String! hasChildren: Boolean! }
type EntryVersion { release: Int! validFrom: String validTo: String label: String! change: String! }
type Entry { code: String! label: String! history: [EntryVersion!]! }
type LabelChange { code: String! before: String! after: String! }
type ReleaseDiff { from: Int! to: Int! added: [EntrySummary!]! removed: [EntrySummary!]! changed: [LabelChange!]! }
type Query {
  natinfSearch(text: String!, first: Int!): EntryPage!
  nacTree(parent: String): [NacNode!]!
  referentialEntry(referential: String!, code: String!): Entry
  releaseDiff(referential: String!, from: Int, to: Int): ReleaseDiff!
}`;

const WORDS = ['Vol', 'Recel', 'Escroquerie', 'Violence', 'Conduite', 'Menace', 'Outrage', 'Dégradation', 'Abus de confiance', 'Usurpation'];
/** As many entries as the real NATINF list, so the test proves the list stays fluid at full size. */
export const NATINF = Array.from({ length: 17_000 }, (_, i) => ({ code: String(1000 + i), label: `${WORDS[i % WORDS.length]} — infraction n° ${i + 1}` }));

const rootValue = {
  natinfSearch: ({ text, first }: { text: string; first: number }) => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const found = NATINF.filter((e) => words.every((w) => `${e.code} ${e.label}`.toLowerCase().includes(w)));
    return { totalCount: found.length, nodes: found.slice(0, first) };
  },
  nacTree: ({ parent }: { parent?: string }) =>
    parent ? [1, 2, 3].map((n) => ({ code: `${parent}${n}`, label: `Nature ${parent}${n}`, hasChildren: false })) : ['1', '2', '3', '4'].map((c) => ({ code: c, label: `Contentieux ${c}`, hasChildren: true })),
  referentialEntry: ({ code }: { code: string }) => ({
    code, label: `Entrée ${code}`,
    history: [
      { release: 1, validFrom: '2019-01-01', validTo: '2023-12-31', label: `Ancien libellé ${code}`, change: 'ADDED' },
      { release: 2, validFrom: '2024-01-01', validTo: null, label: `Entrée ${code}`, change: 'CHANGED' },
    ],
  }),
  releaseDiff: () => ({
    from: 1, to: 2,
    added: NATINF.slice(0, 40), removed: NATINF.slice(40, 52),
    changed: NATINF.slice(60, 85).map((e) => ({ code: e.code, before: `${e.label} (ancien)`, after: e.label })),
  }),
};

/** The explorer in front of a stand-in referentials API: tests the view while the real subgraph is not merged. */
export async function startReferentialsMock(): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = buildSchema(REFERENTIALS_CONTRACT);
  const supergraphSdl = `enum join__Graph { REFERENTIALS @join__graph(name: "referentials", url: "http://127.0.0.1:1/graphql") }\n${REFERENTIALS_CONTRACT}`;
  const app = express();
  app.use('/explorer', explorerRouter({ supergraphSdl }));
  app.post('/graphql', express.json(), async (req, res) => {
    res.json(await graphql({ schema, source: req.body.query, variableValues: req.body.variables, rootValue }));
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
