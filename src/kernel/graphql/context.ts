import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/** What every resolver receives: a request-scoped entity manager (its identity map and dataloaders live one request). */
export interface GraphQLContext {
  em: EntityManager;
  logger: Logger;
}
