import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema, graphql } from 'graphql';
import { explorerRouter } from '../../src/kernel/http/explorer';

/** The part of the referentials API the browser reads (schema/referentials.graphql), to stand in for it at full size. */
export const REFERENTIALS_CONTRACT = `
scalar JSONObject
type PageInfo { hasNextPage: Boolean! endCursor: String }
type LegalReference { role: String! raw: String! }
type Entry { code: ID! label: String! level: Int! attributes: JSONObject! validFrom: String validTo: String recordedIn: Int! supersededIn: Int
  ancestors: [Entry!]! children: [Entry!]! legalReferences: [LegalReference!]! }
type EntryEdge { node: Entry! }
type EntryConnection { totalCount: Int! pageInfo: PageInfo! edges: [EntryEdge!]! }
input EntriesFilter { parentCode: ID level: Int search: String }
type Release { number: Int! status: String! publishedAt: String }
type Referential { code: ID! name: String! releases: [Release!]! }
type FieldChange { field: String! before: String after: String }
type EntryChange { code: ID! before: Entry! after: Entry! changes: [FieldChange!]! }
type ReleaseDiff { from: Int! to: Int! added: [Entry!]! removed: [Entry!]! changed: [EntryChange!]! }
type Query {
  entries(referential: ID!, filter: EntriesFilter, first: Int, after: String): EntryConnection!
  entry(referential: ID!, code: ID!): Entry
  entryHistory(referential: ID!, code: ID!): [Entry!]!
  referential(code: ID!): Referential
  releaseDiff(referential: ID!, from: Int!, to: Int!): ReleaseDiff!
}`;

const WORDS = ['Vol', 'Recel', 'Escroquerie', 'Violence', 'Conduite', 'Menace', 'Outrage', 'Dégradation', 'Abus de confiance', 'Usurpation'];
const entry = (code: string, label: string, recordedIn = 2) => ({
  code,
  label,
  level: 1,
  attributes: { nature: 'Délit' },
  validFrom: null,
  validTo: null,
  recordedIn,
  supersededIn: null,
  ancestors: [],
  children: [],
  legalReferences: [{ role: 'PUNISHES', raw: 'ART.311-3 C.PENAL.' }],
});
/** As many entries as the real NATINF list, so the test proves the list stays fluid at full size. */
export const NATINF = Array.from({ length: 17_000 }, (_, i) => entry(String(1000 + i), `${WORDS[i % WORDS.length]} — infraction n° ${i + 1}`));

const rootValue = {
  entries: ({ filter, first = 20, after }: { filter?: { search?: string }; first?: number; after?: string }) => {
    if (first > 100) throw new Error('first must be between 1 and 100');
    const words = (filter?.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const found = NATINF.filter((e) => words.every((w) => `${e.code} ${e.label}`.toLowerCase().includes(w)));
    const start = after ? Number(after) : 0;
    const page = found.slice(start, start + first);
    return {
      totalCount: found.length,
      pageInfo: { hasNextPage: start + first < found.length, endCursor: String(start + page.length) },
      edges: page.map((node) => ({ node })),
    };
  },
  entry: ({ code }: { code: string }) => entry(code, `Entrée ${code}`),
  entryHistory: ({ code }: { code: string }) => [
    { ...entry(code, `Ancien libellé ${code}`, 1), supersededIn: 2, validTo: '2024-01-01' },
    entry(code, `Entrée ${code}`),
  ],
  referential: ({ code }: { code: string }) => ({
    code,
    name: code,
    releases: [
      { number: 2, status: 'PUBLISHED', publishedAt: null },
      { number: 1, status: 'PUBLISHED', publishedAt: null },
    ],
  }),
  releaseDiff: ({ from, to }: { from: number; to: number }) => ({
    from,
    to,
    added: NATINF.slice(0, 40),
    removed: NATINF.slice(40, 52),
    changed: NATINF.slice(60, 85).map((e) => ({
      code: e.code,
      before: e,
      after: e,
      changes: [{ field: 'label', before: `"${e.label} (ancien)"`, after: `"${e.label}"` }],
    })),
  }),
};

/** The explorer in front of a stand-in referentials API at full NATINF size (the demo data has 19 entries). */
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
