import fc from 'fast-check';
import { buildSchema, execute, parse } from 'graphql';
import { project, projectionOf } from '../../src/gateway/direct-answers/projection';

/*
 * The projection of an entity chain's merged data stands in for a second execution of the client's document over
 * the API schema. Whatever the data, it gives graphql's answer byte for byte, or nothing (the whole path then
 * answers): never another answer, and never one where graphql reports an error.
 */
const SCHEMA = buildSchema(`
  scalar Day
  enum Kind { A B }
  type Leaf { code: ID! label: String n: Int f: Float ok: Boolean kind: Kind when: Day }
  type Node { id: ID! leaf: Leaf leaves: [Leaf!] maybe: [Leaf] strict: [Leaf!]! }
  type Query { node: Node nodes: [Node!]! }
`);
const DOCUMENT = parse(`{
  node { id leaf { code label n f ok kind when } leaves { code kind } maybe { label n } strict { f ok } }
  nodes { strict { kind } id leaf { when code } }
}`);

const SEED = 20261128;

/** Anything at any place: wrong kinds, nulls in non-null fields, lists for objects, numbers for IDs, unknown enum names. */
const anything = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom('A', 'B', 'C'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('id', 'code', 'label', 'n', 'f', 'ok', 'kind', 'when', 'leaf', 'leaves', 'maybe', 'strict'), tie('value'), {
      maxKeys: 6,
    }),
  ),
}));

/**
 * Data of the schema's types (non-null fields held, values of their type, extra fields the fetches asked for), or,
 * with `hostile`, each value of it replaced by anything now and then.
 */
function dataOf(hostile: boolean) {
  const maybe = <T>(typed: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    hostile ? fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anything.value }) : typed;
  const leaf = maybe(
    fc.record(
      {
        code: maybe(fc.string()),
        label: maybe(fc.option(fc.string())),
        n: maybe(fc.option(fc.integer())),
        f: maybe(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }))),
        ok: maybe(fc.option(fc.boolean())),
        kind: maybe(fc.constantFrom('A', 'B', null)),
        when: maybe(fc.option(fc.string())),
        __typename: fc.constant('Leaf'),
      },
      { requiredKeys: ['code'] },
    ),
  );
  const node = maybe(
    fc.record(
      {
        id: maybe(fc.string()),
        extra: fc.string(),
        leaf: maybe(fc.option(leaf)),
        leaves: maybe(fc.option(fc.array(leaf, { maxLength: 3 }))),
        maybe: maybe(fc.option(fc.array(fc.option(leaf), { maxLength: 3 }))),
        strict: maybe(fc.array(leaf, { maxLength: 3 })),
      },
      { requiredKeys: ['id', 'strict'] },
    ),
  );
  return fc.record({ node: maybe(fc.option(node)), nodes: maybe(fc.array(node, { maxLength: 3 })) });
}

const projection = projectionOf(SCHEMA, DOCUMENT, undefined)!;
const graphqlAnswer = (data: Record<string, unknown>) =>
  execute({ schema: SCHEMA, document: DOCUMENT, rootValue: data }) as { data?: unknown; errors?: unknown[] };

describe('the projection of a plain document over merged data', () => {
  it('is graphql answer, in its order, for data of the schema’s types', () => {
    fc.assert(
      fc.property(dataOf(false), (data) => {
        const answer = graphqlAnswer(data as Record<string, unknown>);
        expect(answer.errors).toBeUndefined();
        expect(JSON.stringify(project(data as Record<string, unknown>, projection))).toBe(JSON.stringify(answer.data));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('is graphql answer or nothing for any data, and nothing where graphql reports an error', () => {
    let answered = 0;
    fc.assert(
      fc.property(dataOf(true), (data) => {
        const projected = project(data as Record<string, unknown>, projection);
        const answer = graphqlAnswer(data as Record<string, unknown>);
        if (projected === undefined) return;
        answered++;
        expect(answer.errors).toBeUndefined();
        expect(JSON.stringify(projected)).toBe(JSON.stringify(answer.data));
      }),
      { seed: SEED, numRuns: 2000 },
    );
    // The generator reaches both outcomes: answers, and refusals.
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(2000);
  });

  it('is not built for documents graphql must shape itself: aliases, fragments, directives, __typename, abstract types', () => {
    const schema = buildSchema('interface I { id: ID } type T implements I { id: ID } type Query { i: I t: T }');
    for (const query of [
      '{ t { x: id } }',
      '{ t { ...F } } fragment F on T { id }',
      '{ t { ... on T { id } } }',
      '{ t { id @skip(if: false) } }',
      '{ t { __typename id } }',
      '{ i { id } }',
      '{ t { id id } }',
    ])
      expect(projectionOf(schema, parse(query), undefined)).toBeUndefined();
    expect(projectionOf(schema, parse('{ t { id } }'), undefined)).toBeDefined();
  });
});
