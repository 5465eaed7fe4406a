import { readSupergraph } from '../../explorer/src/api/supergraph-model';

const SUPERGRAPH = `
enum join__Graph {
  CATALOG @join__graph(name: "catalog", url: "http://127.0.0.1:4103/graphql")
  ORGANISATION @join__graph(name: "organisation", url: "http://127.0.0.1:4101/graphql")
}
"""A court."""
type Court @join__type(graph: CATALOG, key: "code") @join__type(graph: ORGANISATION, key: "code") {
  code: ID!
  name: String! @join__field(graph: ORGANISATION)
  oldName: String @join__field(graph: ORGANISATION) @deprecated(reason: "Use name.")
  deployments: [String!]! @join__field(graph: CATALOG)
}
type Query @join__type(graph: CATALOG) @join__type(graph: ORGANISATION) {
  court(code: ID!): Court @join__field(graph: ORGANISATION)
}
scalar join__FieldSet
`;

/** What the schema browser reads from the supergraph's join directives. */
describe('supergraph model', () => {
  const model = readSupergraph(SUPERGRAPH);
  const court = model.types.find((t) => t.name === 'Court')!;

  it('names the subgraphs and hides federation machinery', () => {
    expect(model.subgraphs).toEqual(['catalog', 'organisation']);
    expect(model.types.map((t) => t.name)).toEqual(['Query', 'Court']);
    expect([...model.queryFields]).toEqual(['court']);
  });

  it('gives each type its owners and keys, each field its owners, description and deprecation', () => {
    expect(court).toMatchObject({
      description: 'A court.',
      owners: ['catalog', 'organisation'],
      keys: [
        { subgraph: 'catalog', fields: 'code' },
        { subgraph: 'organisation', fields: 'code' },
      ],
    });
    const field = (name: string) => court.fields.find((f) => f.name === name)!;
    expect(field('code').owners).toEqual(['catalog', 'organisation']);
    expect(field('deployments').owners).toEqual(['catalog']);
    expect(field('oldName')).toMatchObject({ owners: ['organisation'], deprecated: 'Use name.', type: 'String' });
    expect(model.types[0].fields[0].args).toEqual([{ name: 'code', type: 'ID!', description: undefined }]);
  });
});
