import { loadSecurityConfig } from '../../src/kernel/auth/security-config';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

/** A page of entries with their relations costs a fixed number of SQL statements, whatever its size. */
describe('entry relations are batched', () => {
  const t = useTestServer('demo');

  const statementsFor = async (referential: string, first: number): Promise<number> => {
    t.db.queries.length = 0;
    const { data, errors } = await gql(
      t.server,
      `query($r: ID!, $first: Int) { entries(referential: $r, first: $first) { edges { node {
      code parent { code label } children { code } ancestors { code } legalReferences { article codeMnemonic } mappings { kind toCode } referential { name } } } } }`,
      { r: referential, first },
    );
    expect(errors).toBeUndefined();
    expect(data.entries.edges).toHaveLength(first);
    return t.db.queries.filter((q) => /^\[query\] (select|insert|update|delete|with)/i.test(q)).length;
  };

  it('does not grow with the page size (NAC, three levels deep)', async () => {
    const small = await statementsFor('NAC', 3);
    const large = await statementsFor('NAC', 100);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('does not grow with the page size (NATINF, with legal references)', async () => {
    const small = await statementsFor('NATINF', 2);
    const large = await statementsFor('NATINF', 19);
    expect(large).toBe(small);
  });

  it('reads a page with its parents, legal references and count in one statement on entries, whatever its size', async () => {
    for (const [referential, first] of [
      ['NAC', 3],
      ['NAC', 100],
      ['NATINF', 19],
    ] as const) {
      t.db.queries.length = 0;
      const { data, errors } = await gql(
        t.server,
        `query($r: ID!, $first: Int) { entries(referential: $r, first: $first) { totalCount edges { node {
        code parentCode parent { code } legalReferences { role article codeMnemonic } } } } }`,
        { r: referential, first },
      );
      expect(errors).toBeUndefined();
      const nodes = data.entries.edges.map((e: Untyped) => e.node);
      expect(nodes).toHaveLength(first);
      expect(data.entries.totalCount).toBeGreaterThanOrEqual(first);
      for (const node of nodes) expect(node.parent?.code ?? null).toBe(node.parentCode);
      if (referential === 'NATINF') expect(nodes.some((n: Untyped) => n.legalReferences.length > 1)).toBe(true);
      else expect(nodes.some((n: Untyped) => n.parent)).toBe(true);
      // The latest release comes from the per-request read of every referential's; the rest is the page's statement.
      expect(t.db.queries.filter((q) => /referential_entry|legal_reference/.test(q))).toHaveLength(1);
    }
  });

  it('resolves the Referential of every catalog usage (a federated reference) in one statement', async () => {
    t.db.queries.length = 0;
    const { data, errors } = await gql(t.server, `{ applications { code referentialUsages { referential { code name } } } }`);
    expect(errors).toBeUndefined();
    const usages = data.applications.flatMap((a: Untyped) => a.referentialUsages);
    expect(usages.length).toBeGreaterThan(1);
    for (const usage of usages) expect(usage.referential.name).toEqual(expect.any(String));
    expect(t.db.queries.filter((q) => /from referential r where/i.test(q))).toHaveLength(1);
  });
});

describe('the whole federated walk, down to referential entries', () => {
  // A batching test: the walk's worst case (every list at its bound) is far above the cost limit, on purpose.
  const t = useTestServer('demo', undefined, { limits: { ...loadSecurityConfig().limits, maxCost: 1e12 } });

  const WALK = `query($first: Int) { courts(filter: { type: TRIBUNAL_JUDICIAIRE }, first: $first) { edges { node { code
    deployments { application { code exchanges { code referentials { code name entries(first: 3) { edges { node { code label parent { code } } } } } } } } } } } }`;

  it('costs as many SQL statements for 100 courts as for the few that reach the same referentials', async () => {
    const run = async (first: number) => {
      t.db.queries.length = 0;
      const { data, errors } = await gql(t.server, WALK, { first });
      expect(errors).toBeUndefined();
      return { data, statements: t.db.queries.length };
    };
    const reachedCodes = (data: Untyped): string[] =>
      [
        ...new Set<string>(
          data.courts.edges
            .flatMap((e: Untyped) => e.node.deployments)
            .flatMap((d: Untyped) => d.application.exchanges)
            .flatMap((x: Untyped) => x.referentials)
            .map((r: Untyped) => r.code),
        ),
      ].sort();
    const large = await run(100);
    expect(reachedCodes(large.data)).toEqual(expect.arrayContaining(['NAC', 'NATINF'])); // the illustrative landscape deploys on real TJs
    const natinf = large.data.courts.edges
      .flatMap((e: Untyped) => e.node.deployments)
      .flatMap((d: Untyped) => d.application.exchanges)
      .flatMap((x: Untyped) => x.referentials)
      .find((r: Untyped) => r.code === 'NATINF');
    expect(natinf.entries.edges).toHaveLength(3);
    // Compare with the smallest page of courts that reaches the same referentials: only the courts' number differs.
    let small = await run(1);
    for (let first = 2; first < 100 && reachedCodes(small.data).join() !== reachedCodes(large.data).join(); first += 1) small = await run(first);
    expect(reachedCodes(small.data)).toEqual(reachedCodes(large.data));
    expect(small.data.courts.edges.length).toBeLessThan(100);
    expect(large.statements).toBe(small.statements);
    console.log(`walk to entries: ${small.statements} statements for ${small.data.courts.edges.length} TJs, ${large.statements} for 100`);
  });

  it("reads only the selected legal-reference columns in a page, with the same answers as one entry's full read", async () => {
    const page = async (fields: string) => {
      t.db.queries.length = 0;
      const { data, errors } = await gql(
        t.server,
        `{ entries(referential: "NATINF", first: 19) { edges { node { code a: legalReferences(role: PUNISHES) { ${fields} } legalReferences { role } } } } }`,
      );
      expect(errors).toBeUndefined();
      const statement = t.db.queries.find((q) => q.includes('legal_reference')) ?? '';
      return { nodes: data.entries.edges.map((e: Untyped) => e.node), statement };
    };
    const { nodes, statement } = await page('article codeName');
    expect(statement).toContain("'codeMnemonic', l.code_mnemonic");
    expect(statement).not.toContain('l.raw');
    const full = await page('role position raw parsed textKind text codeMnemonic codeName textNumber textDate article paragraphs');
    expect(full.statement).toContain('l.raw');
    const withRefs = nodes.filter((n: Untyped) => n.a.length > 0);
    expect(withRefs.length).toBeGreaterThan(1);
    for (const node of nodes) {
      const one = await gql(t.server, `query($c: ID!) { entry(referential: "NATINF", code: $c) { legalReferences(role: PUNISHES) { article codeName } } }`, {
        c: node.code,
      });
      expect(node.a).toEqual(one.data.entry.legalReferences);
    }
  });

  it("reads only the parent's selected columns in a page, with the same answers as the parent's own read", async () => {
    const fields = 'code label level attributes validFrom validTo recordedIn supersededIn';
    t.db.queries.length = 0;
    const small = await gql(t.server, '{ entries(referential: "NAC", first: 100) { edges { node { parent { code } } } } }');
    expect(small.errors).toBeUndefined();
    const statement = t.db.queries.find((q) => q.includes('parentJson')) ?? '';
    expect(statement).toContain("'code', e.code");
    expect(statement).not.toContain("'label', e.label");
    const { data, errors } = await gql(t.server, `{ entries(referential: "NAC", first: 100) { edges { node { parent { ${fields} } } } } }`);
    expect(errors).toBeUndefined();
    const parents = data.entries.edges.map((e: Untyped) => e.node.parent).filter(Boolean);
    expect(parents.length).toBeGreaterThan(10);
    for (const parent of parents.slice(0, 10)) {
      const one = await gql(t.server, `query($c: ID!) { entry(referential: "NAC", code: $c) { ${fields} } }`, { c: parent.code });
      expect(parent).toEqual(one.data.entry);
    }
  });

  it("reads only the entries' selected columns in a page, with the same answers as each entry's own read", async () => {
    t.db.queries.length = 0;
    expect((await gql(t.server, '{ entries(referential: "NAC", first: 5) { edges { node { code } } } }')).errors).toBeUndefined();
    const statement = t.db.queries.find((q) => q.includes('from referential_entry e')) ?? '';
    expect(statement).toContain('e.code');
    expect(statement).not.toContain('e.attributes');
    const fields = 'code label parentCode level attributes validFrom validTo recordedIn supersededIn';
    const { data, errors } = await gql(t.server, `{ entries(referential: "NAC", first: 30) { edges { node { ${fields} } } } }`);
    expect(errors).toBeUndefined();
    for (const { node } of data.entries.edges.slice(0, 10)) {
      const one = await gql(t.server, `query($c: ID!) { entry(referential: "NAC", code: $c) { ${fields} } }`, { c: node.code });
      expect(node).toEqual(one.data.entry);
    }
  });
});
