import type { GraphQLSchema } from 'graphql';

export interface SubgraphDefinition {
  /** Also the name of `schema/<name>.graphql` and of the subgraph in the supergraph. */
  name: string;
  /** Port of `npm run start:subgraph -- <name>` and of the URL written in the committed supergraph. */
  defaultPort: number;
  buildSchema(): Promise<GraphQLSchema>;
}
