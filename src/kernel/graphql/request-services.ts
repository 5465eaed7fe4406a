import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext } from './context';

/**
 * A subgraph's services built once per request and shared by all its resolvers. Keyed by the request's forked entity
 * manager, like `requestLoader`: the object lives exactly as long as the identity map its services read through.
 */
export function perRequest<T extends object>(build: (context: GraphQLContext) => T): (context: GraphQLContext) => T {
  const built = new WeakMap<EntityManager, T>();
  return (context) => {
    let services = built.get(context.em);
    if (!services) built.set(context.em, (services = build(context)));
    return services;
  };
}
