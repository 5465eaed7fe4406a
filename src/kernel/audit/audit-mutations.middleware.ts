import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { beforeAndAfter, collectChanges } from './change-collector';
import { recordAudit } from './record-audit';

/** Which referential's stewards may read a mutation's entry (per subgraph: the `referential` argument, `SRJ` …). */
export type AuditScope = (args: Record<string, unknown>) => string | null | undefined;

const targetOf = (args: Record<string, unknown>): string | null => {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const parts = [args.referential, args.code ?? input.code ?? args.id ?? input.id ?? args.name ?? input.name, args.number].filter(
    (p) => p !== undefined && p !== null,
  );
  return parts.length ? parts.map(String).join('/') : null;
};

/**
 * Every root mutation runs in one transaction on the request's entity manager (services' own `transactional`
 * calls nest as savepoints) and leaves one audit entry, written in that transaction: no change without its entry.
 */
export const auditMutations =
  (scope?: AuditScope): MiddlewareFn<GraphQLContext> =>
  async ({ info, args, context }, next) => {
    if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next();
    const { em, principal } = context;
    const { changes, run } = collectChanges(next);
    await em.begin();
    try {
      const result = await run();
      await recordAudit(em, {
        actor: principal.id,
        actorKind: principal.kind,
        operation: info.fieldName,
        target: targetOf(args),
        referentialCode: scope?.(args) ?? null,
        arguments: args,
        ...beforeAndAfter(changes),
      });
      await em.commit();
      return result;
    } catch (error) {
      await em.rollback();
      throw error;
    }
  };
