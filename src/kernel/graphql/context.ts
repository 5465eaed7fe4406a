import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';

/** What every resolver receives: a request-scoped entity manager (its identity map and dataloaders live one request). */
export interface GraphQLContext {
  em: EntityManager;
  logger: Logger;
  /** Who acts, authenticated (see src/kernel/auth); checked by `@Authorized` and `assertSteward`. */
  principal: Principal;
  /** `principal.id`: the actor recorded on releases and in the audit trail. */
  actor: string;
}
