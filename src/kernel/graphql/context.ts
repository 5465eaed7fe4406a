import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { CacheSlot } from '../cache/response-cache';
import type { Logger } from '../logger';

/** What every resolver receives: a request-scoped entity manager (its identity map and dataloaders live one request). */
export interface GraphQLContext {
  em: EntityManager;
  logger: Logger;
  /** Who acts, authenticated (see src/kernel/auth); checked by `@Authorized` and `assertSteward`. */
  principal: Principal;
  /** `principal.id`: the actor recorded on releases and in the audit trail. */
  actor: string;
  /** Where the response cache keeps this request's answer, when its fast path already worked it out. */
  cacheSlot?: CacheSlot;
}
