import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/** What every resolver receives: a request-scoped entity manager (its identity map and dataloaders live one request). */
export interface GraphQLContext {
  em: EntityManager;
  logger: Logger;
  /** Who acts, recorded on releases. Until authentication lands it is the caller's `x-actor` header, unverified. */
  actor: string;
}
