import fc from 'fast-check';
import { buildSchema, execute, GraphQLScalarType, Kind, parse, print, validate, type GraphQLSchema } from 'graphql';
import { canonicalDocument } from '../../src/gateway/direct-answers/canonical-document';

/*
 * A document written with other literals takes the route learnt for its canonical form (literals as variables).
 * Whatever the literals, when the canonical form is valid (the only kind a route is learnt for), the client's own
 * document is valid too and gives the same answer as the canonical form with its literals as variables.
 */
const SDL = `
  scalar Day
  scalar Loose
  enum Kind { A B }
  input Filter { a: Int, b: String, k: Kind }
  type Query {
    echo(id: ID, s: String, n: Int, f: Float, b: Boolean, k: Kind, day: Day, loose: Loose, ids: [ID!], filter: Filter, first: Int): String
    self: Query
  }
`;

function schemaWithScalars(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const day = schema.getType('Day') as GraphQLScalarType;
  const checked = (value: unknown) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new TypeError('not a day');
    return value;
  };
  Object.assign(day, { parseValue: checked, parseLiteral: (node: { kind: string; value?: string }) => checked(node.kind === Kind.STRING ? node.value : null) });
  // A scalar that reads a literal otherwise than the same value in variables: its literals must stay where they are.
  const loose = schema.getType('Loose') as GraphQLScalarType;
  Object.assign(loose, {
    parseValue: (value: unknown) => value,
    parseLiteral: (node: { kind: string; value?: string }) =>
      node.kind === Kind.INT ? Number(node.value) * 2 : node.kind === Kind.STRING ? node.value : undefined,
  });
  return schema;
}

const SCHEMA = schemaWithScalars();
const rootValue: Record<string, unknown> = { echo: (args: Record<string, unknown>) => JSON.stringify(args), self: () => rootValue };

/** A GraphQL literal of any kind, valid or not for the argument it is given to. */
const literal = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string().map((s) => JSON.stringify(s)),
    fc.constantFrom('"2026-06-01"', '"2026-6-1"', '"100039"', '""'),
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
    fc.integer({ min: -5, max: 5 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) ? `${d}.0` : String(d))),
    fc.constantFrom('true', 'false', 'null', 'A', 'B', 'C'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.dictionary(fc.constantFrom('a', 'b', 'k', 'z'), tie('value'), { maxKeys: 3 }).map(
      (fields) =>
        `{ ${Object.entries(fields)
          .map(([name, value]) => `${name}: ${value}`)
          .join(', ')} }`,
    ),
  ),
})).value;

const text = fc.string().map((s) => JSON.stringify(s));
const int = fc.integer({ min: -1000, max: 1000 }).map(String);
const kind = fc.constantFrom('A', 'B');
/** A literal of the argument's own type, as most clients write them. */
const TYPED = {
  id: fc.oneof(text, int),
  s: text,
  n: int,
  f: fc.oneof(int, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)),
  b: fc.constantFrom('true', 'false'),
  k: kind,
  day: fc.constantFrom('"2026-06-01"', '"1999-12-31"'),
  loose: fc.oneof(int, text),
  ids: fc.array(fc.oneof(text, int), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
  filter: fc.record({ a: int, b: text, k: kind }, { requiredKeys: [] }).map(
    (fields) =>
      `{ ${Object.entries(fields)
        .map(([name, value]) => `${name}: ${value}`)
        .join(', ')} }`,
  ),
  first: fc.integer({ min: 1, max: 100 }).map(String),
};
const ARGUMENTS = Object.keys(TYPED) as (keyof typeof TYPED)[];
const argument = fc.constantFrom(...ARGUMENTS).chain((name) => fc.tuple(fc.constant(name), fc.oneof(TYPED[name], TYPED[name], literal)));
const call = fc
  .uniqueArray(argument, { selector: ([name]) => name, minLength: 1, maxLength: 4 })
  .map((args) => `echo(${args.map(([name, value]) => `${name}: ${value}`).join(', ')})`);
/** The fields at the root, nested, aliased, in inline and named fragments: wherever a walk must find them. */
const documents = fc
  .tuple(call, call, fc.integer({ min: 0, max: 4 }))
  .map(
    ([one, two, shape]) =>
      [
        `{ ${one} }`,
        `{ a: ${one} self { b: ${two} } }`,
        `{ self { ... on Query { ${one} } ... { self { ${two} } } } }`,
        `{ ...F self { ${two} } } fragment F on Query { self { ${one} } }`,
        `query Q { ${one} @include(if: true) x: self { ...G } } fragment G on Query { ${two} }`,
      ][shape],
  );

describe('canonical documents (literals as variables)', () => {
  it('never stand for an invalid document, and give the answer of the document they stand for', () => {
    let standing = 0;
    fc.assert(
      fc.property(documents, (text) => {
        let document;
        try {
          document = parse(text);
        } catch {
          return; // not a document: the whole path says why
        }
        const canonical = canonicalDocument(SCHEMA, document);
        if (!canonical || validate(SCHEMA, canonical.document).length) return; // no route is learnt for it
        standing += 1;
        expect(validate(SCHEMA, document)).toEqual([]);
        const own = execute({ schema: SCHEMA, document, rootValue });
        const stood = execute({ schema: SCHEMA, document: canonical.document, rootValue, variableValues: JSON.parse(JSON.stringify(canonical.variables)) });
        expect(stood).toEqual(own);
      }),
      { seed: 20261129, numRuns: 3000 },
    );
    // Not vacuous: a good share of the documents had a canonical form that routes could use.
    expect(standing).toBeGreaterThan(500);
  });

  it('keeps a page size, directive arguments, variables and invalid literals as written, and types the rest as their argument', () => {
    const document = parse('query Q($s: String) { echo(id: "7", s: $s, k: C, first: 5, filter: { a: 1, b: $s }, day: "2026-06-01") @include(if: true) }');
    const canonical = canonicalDocument(SCHEMA, document)!;
    expect(canonical.text).toBe(
      print(
        parse(
          'query Q($s: String, $rjLiteral0: ID, $rjLiteral1: Day) { echo(id: $rjLiteral0, s: $s, k: C, first: 5, filter: { a: 1, b: $s }, day: $rjLiteral1) @include(if: true) }',
        ),
      ),
    );
    expect(canonical.variables).toEqual({ rjLiteral0: '7', rjLiteral1: '2026-06-01' });
    // Written with other literals, the same canonical text.
    expect(
      canonicalDocument(
        SCHEMA,
        parse('query Q($s: String) { echo(id: 8, s: $s, k: C, first: 5, filter: { a: 1, b: $s }, day: "2027-01-31") @include(if: true) }'),
      )!.text,
    ).toBe(canonical.text);
  });

  it('finds the literals of nested fields, aliases, inline and named fragments', () => {
    const canonical = canonicalDocument(
      SCHEMA,
      parse('{ a: echo(n: 1) self { ... on Query { echo(s: "x") } ...F } } fragment F on Query { self { echo(k: A) } }'),
    )!;
    expect(canonical.variables).toEqual({ rjLiteral0: 1, rjLiteral1: 'x', rjLiteral2: 'A' });
    expect(canonical.text).toContain('fragment F on Query {\n  self {\n    echo(k: $rjLiteral2)');
  });

  it('has none for a document without literals, a mutation, several operations, or a variable named like its own', () => {
    expect(canonicalDocument(SCHEMA, parse('query($s: String) { echo(s: $s, first: 3) }'))).toBeUndefined();
    expect(canonicalDocument(SCHEMA, parse('query A { echo(s: "a") } query B { echo(s: "b") }'))).toBeUndefined();
    expect(canonicalDocument(SCHEMA, parse('query($rjLiteral0: String) { echo(s: $rjLiteral0, id: "1") }'))).toBeUndefined();
    expect(canonicalDocument(SCHEMA, parse('{ echo(s: $rjLiteral0, id: "1") }'))).toBeUndefined();
    expect(canonicalDocument(SCHEMA, parse('{ echo(id: "1") @include(if: $rjLiteral1) }'))).toBeUndefined();
    expect(canonicalDocument(buildSchema(`${SDL} type Mutation { set(s: String): String }`), parse('mutation { set(s: "a") }'))).toBeUndefined();
  });
});
