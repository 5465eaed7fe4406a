import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

/** Referentials through the gateway, on the real NAC and NATINF files loaded as release 1. */
describe('referentials API on NAC and NATINF', () => {
  const t = useTestServer('demo');

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await gql(t.server, query, variables);
    expect(errors).toBeUndefined();
    return data;
  };

  it('finds NATINF 41 by words of its label, with its legal texts structured', async () => {
    const data = await ok(`{ entries(referential: "NATINF", filter: { search: "conduite ivresse" }) {
      totalCount edges { node { code label attributes
        legalReferences { role raw parsed textKind codeMnemonic codeName article paragraphs } } } } }`);
    const natinf41 = data.entries.edges.map((e: Untyped) => e.node).find((n: Untyped) => n.code === '41');
    expect(natinf41).toMatchObject({ label: "CONDUITE D'UN VEHICULE EN ETAT D'IVRESSE MANIFESTE", attributes: { nature: 'Délit' } });
    expect(natinf41.legalReferences[0]).toEqual({
      role: 'DEFINES',
      raw: 'ART.L.234-1 §II,§V C.ROUTE.',
      parsed: true,
      textKind: 'CODE',
      codeMnemonic: 'C.ROUTE.',
      codeName: 'Code de la route',
      article: 'L.234-1',
      paragraphs: ['§II', '§V'],
    });
    const punishing = natinf41.legalReferences.filter((r: Untyped) => r.role === 'PUNISHES').map((r: Untyped) => `${r.article} ${r.codeMnemonic}`);
    expect(punishing).toEqual(['L.234-1 C.ROUTE.', 'L.234-2 C.ROUTE.', 'L.224-12 C.ROUTE.', '131-30 C.PENAL.']);
  });

  it('searches by word prefix, ignoring accents and case, best matches first', async () => {
    const prefix = await ok(`{ entries(referential: "NATINF", filter: { search: "ivres" }) { edges { node { code } } } }`);
    expect(prefix.entries.edges.map((e: Untyped) => e.node.code)).toContain('41');
    const accents = await ok(`{ entries(referential: "NAC", filter: { search: "PRET D'ARGENT" }) { edges { node { code label } } } }`);
    expect(accents.entries.edges[0].node).toMatchObject({ code: '53' });
    const ranked = await ok(
      `{ entries(referential: "NAC", filter: { search: "vente" }, first: 5) { totalCount edges { cursor node { code label } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(ranked.entries.totalCount).toBeGreaterThan(5);
    expect(ranked.entries.edges[0].node.label.toLowerCase()).toContain('vente');
    const next = await ok(
      `query($after: String) { entries(referential: "NAC", filter: { search: "vente" }, first: 5, after: $after) { edges { node { code } } } }`,
      { after: ranked.entries.pageInfo.endCursor },
    );
    const firstCodes = ranked.entries.edges.map((e: Untyped) => e.node.code);
    for (const edge of next.entries.edges) expect(firstCodes).not.toContain(edge.node.code);
  });

  it('walks the NAC hierarchy', async () => {
    const data = await ok(`{ entry(referential: "NAC", code: "20E") { level ancestors { code } parent { code children { code } } } }`);
    expect(data.entry.ancestors.map((a: Untyped) => a.code)).toEqual(['2', '20']);
    expect(data.entry.level).toBe(3);
    expect(data.entry.parent.children.map((c: Untyped) => c.code)).toContain('20E');
    const top = await ok(`{ entries(referential: "NAC", filter: { level: 1 }, first: 100) { totalCount } }`);
    expect(top.entries.totalCount).toBe(9);
  });

  it('filters on attributes', async () => {
    const crimes = await ok(
      `{ entries(referential: "NATINF", filter: { attributes: { nature: "Contravention de classe 5" } }, first: 100) { edges { node { attributes } } } }`,
    );
    expect(crimes.entries.edges.length).toBeGreaterThan(0);
    for (const edge of crimes.entries.edges) expect(edge.node.attributes.nature).toBe('Contravention de classe 5');
  });

  it('serves Referential to the other subgraphs through the gateway', async () => {
    const data = await ok(
      `{ referential(code: "NATINF") { code domain ownerBureau attributeDefinitions { name type values } latestRelease { number status } consumers { referentialCode } } }`,
    );
    expect(data.referential).toMatchObject({ code: 'NATINF', domain: 'PENAL', latestRelease: { number: 1, status: 'PUBLISHED' } });
    expect(data.referential.attributeDefinitions[0]).toMatchObject({ name: 'nature', type: 'ENUM' });
    expect(Array.isArray(data.referential.consumers)).toBe(true);
  });

  it('answers null for an unknown code and NOT_FOUND for an unknown referential', async () => {
    expect((await ok(`{ entry(referential: "NAC", code: "ZZZ") { code } }`)).entry).toBeNull();
    const { errors } = await gql(t.server, `{ entries(referential: "NOPE") { totalCount } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'referential' });
  });
});

describe('impact of a legal text, through the referentials that cite it', () => {
  const t = useTestServer('demo');

  it('reaches the applications that consume NATINF from an article of the Code de la route', async () => {
    const consumers = await gql(t.server, `{ referential(code: "NATINF") { consumers { application { code } } } }`);
    expect(consumers.errors).toBeUndefined();
    const natinfApps = consumers.data.referential.consumers.map((c: Untyped) => c.application.code);
    expect(natinfApps.length).toBeGreaterThan(0);
    const { data, errors } = await gql(
      t.server,
      `{ impactOf(change: { legalText: "ART.L.234-1" }) { applications { application { code } paths { explanation } } notes } }`,
    );
    expect(errors).toBeUndefined();
    const touched = data.impactOf.applications.map((a: Untyped) => a.application.code);
    for (const code of natinfApps) expect(touched).toContain(code);
    expect(data.impactOf.applications[0].paths[0].explanation).toMatch(/NATINF/);
  });
});
