import { Supergraph } from '@apollo/federation-internals';
import { getNullableType, isInterfaceType, isListType, isObjectType, parse, validate, type GraphQLSchema } from 'graphql';
import * as courts from '../../explorer/src/views/courts/operations';
import { EXAMPLES } from '../../explorer/src/views/ide/examples';
import * as map from '../../explorer/src/views/map/operations';
import * as observedUsage from '../../explorer/src/views/map/observed-usage-colouring';
import * as referentials from '../../explorer/src/views/referentials/operations';
import { readCommittedSupergraph } from '../../src/gateway/supergraph';
import { loadSecurityConfig } from '../../src/kernel/auth/security-config';
import { LIST_BOUNDS } from '../../src/kernel/http/list-bounds';
import { queryCostRule } from '../../src/kernel/http/query-cost';

/** The cost of a document under the served (API) schema, as the gateway computes it (reported over `max`). */
const costOf = (schema: GraphQLSchema, document: string, max = -1): number => {
  const [error] = validate(schema, parse(document), [queryCostRule(max)]);
  return error ? Number(error.extensions.cost) : 0;
};

describe('query cost model', () => {
  let schema: GraphQLSchema;
  const { maxCost } = loadSecurityConfig({}).limits;
  beforeAll(async () => {
    schema = Supergraph.build(await readCommittedSupergraph())
      .apiSchema()
      .toGraphQLJSSchema();
  });

  it('declares a bound for every unpaginated list of the served schema', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const paginated = field.args.some((a) => a.name === 'first');
        if (isListType(getNullableType(field.type)) && !paginated && LIST_BOUNDS[`${type.name}.${field.name}`] === undefined)
          undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]); // add them to src/kernel/http/list-bounds.ts with their real bound
  });

  it('multiplies nested lists by their bounds, pages by first', () => {
    const levels = (n: number) => `{ court(code: "100001") { ${'children { parent { '.repeat(n)}code${' } }'.repeat(n)} } }`;
    // court 1 + 60 × (child 1 + parent 1 + …)
    expect(costOf(schema, levels(1))).toBe(1 + 60 * 2);
    expect(costOf(schema, levels(4))).toBeGreaterThan(maxCost);
    expect(costOf(schema, '{ courts(first: 100) { edges { node { code } } } }')).toBe(100 * (1 + 1 + 1));
    expect(costOf(schema, '{ courts { edges { node { code } } } }')).toBe(20 * 3); // the default page
    expect(costOf(schema, 'query($n: Int) { courts(first: $n) { edges { node { code } } } }')).toBe(100 * 3); // a variable: the largest page
    expect(costOf(schema, '{ courts(first: 1) { totalCount } }')).toBe(1);
    // Fragments count like the fields they hold.
    expect(costOf(schema, 'query { court(code: "1") { ...F } } fragment F on Court { children { code } }')).toBe(1 + 60);
  });

  it('accepts every operation the explorer and its IDE examples send', () => {
    const operations = [...Object.values(courts), ...Object.values(map), ...Object.values(observedUsage), ...Object.values(referentials)].filter(
      (v): v is string => typeof v === 'string' && /^\s*query\b/.test(v),
    );
    expect(operations.length).toBeGreaterThan(8);
    const costs = [...operations, ...EXAMPLES.map((e) => e.query)].map((document) => ({ document, cost: costOf(schema, document) }));
    expect(costs.filter((c) => c.cost > maxCost)).toEqual([]);
    // The heaviest of them (the landscape, a release diff) still leave room under the limit.
    expect(Math.max(...costs.map((c) => c.cost))).toBeLessThan(maxCost * 0.9);
  });
});
