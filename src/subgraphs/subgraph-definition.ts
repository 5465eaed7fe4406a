import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Authenticate } from '../kernel/auth/authenticate';
import type { HttpServerOptions } from '../kernel/http/http-server';
import type { RunningChangeFeed } from '../relay/start-change-feed';

/** What a subgraph's own HTTP routes and observability are built from, in whichever process serves them. */
export interface SubgraphServing {
  orm: MikroORM;
  /** Callers' credentials as the edge checks them (API key or token): these routes do not go through the gateway. */
  authenticate: Authenticate;
  /** The change feed this process runs, if any. */
  changeFeed?: RunningChangeFeed | null;
}

export interface SubgraphDefinition {
  /** Also the name of `schema/<name>.graphql` and of the subgraph in the supergraph. */
  name: string;
  /** Port of `npm run start:subgraph -- <name>` and of the URL written in the committed supergraph. */
  defaultPort: number;
  buildSchema(): Promise<GraphQLSchema>;
  /** false: its answers must always be fresh (keys, audit trail, change feed), never served from the response cache. */
  cacheable: boolean;
  /** HTTP routes beside /graphql (file imports and exports…), mounted by its own process in split mode and by the one process. */
  routes?(serving: SubgraphServing): Router;
  /** What it adds to its server's `/metrics` and `/readyz`. */
  observability?(serving: SubgraphServing): Pick<HttpServerOptions, 'metrics' | 'readyDetails'>;
}
