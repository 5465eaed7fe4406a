import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { securityServices } from '../security.services';
import { AuditEntryConnection } from './audit-entry-connection.type';
import { AuditFilter } from './audit-filter.input';

@Resolver()
export class AuditTrailResolver {
  @Authorized()
  @Query(() => AuditEntryConnection, { description: "Accepted changes, newest first: all of them for ADMIN, their referentials' for a steward." })
  auditTrail(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    return securityServices(ctx).auditTrail.list(ctx.principal, filter ?? undefined, first, after);
  }
}
