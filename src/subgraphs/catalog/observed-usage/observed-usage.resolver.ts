import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { ClientUsage, FieldUsage, ObservedReferentialUsage } from './observed-usage.types';

const SINCE = { nullable: true, description: 'Start of the period; 30 days ago by default.' } as const;

/** Observed usage: what clients really read, counted at the gateway from live traffic (see kernel/usage). */
@Resolver()
export class ObservedUsageResolver {
  @Authorized(Role.ARCHITECT)
  @Query(() => FieldUsage, { description: 'Who reads a schema coordinate (e.g. "Court.parent", "Query.competentCourts"), per client.' })
  fieldUsage(@Arg('coordinate') coordinate: string, @Arg('since', () => Date, SINCE) since: Date | null, @Ctx() ctx: GraphQLContext): Promise<FieldUsage> {
    return catalogServices(ctx).observedUsage.fieldUsage(coordinate, since);
  }

  @Authorized(Role.ARCHITECT)
  @Query(() => ClientUsage, { description: 'The coordinates and referential releases a client (an application code, `key:…`, `user:…`, `anonymous`) reads.' })
  clientUsage(@Arg('client', () => ID) client: string, @Arg('since', () => Date, SINCE) since: Date | null, @Ctx() ctx: GraphQLContext): Promise<ClientUsage> {
    return catalogServices(ctx).observedUsage.clientUsage(client, since);
  }

  @Authorized(Role.ARCHITECT)
  @Query(() => [String], { description: 'Coordinates of the served schema nobody was observed reading in the period.' })
  unusedFields(@Arg('since', () => Date, SINCE) since: Date | null, @Ctx() ctx: GraphQLContext): Promise<string[]> {
    return catalogServices(ctx).observedUsage.unusedFields(since);
  }

  @Authorized(Role.ARCHITECT)
  @Query(() => [FieldUsage], { description: 'Fields marked @deprecated, and who still reads them.' })
  deprecatedFieldUsage(@Arg('since', () => Date, SINCE) since: Date | null, @Ctx() ctx: GraphQLContext): Promise<FieldUsage[]> {
    return catalogServices(ctx).observedUsage.deprecatedFieldUsage(since);
  }

  @Authorized(Role.ARCHITECT)
  @Query(() => ObservedReferentialUsage, { description: 'Readers of a referential observed in live traffic, beside those that declared it.' })
  referentialUsage(
    @Arg('referential', () => ID) referential: string,
    @Arg('since', () => Date, SINCE) since: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ObservedReferentialUsage> {
    return catalogServices(ctx).observedUsage.referentialUsage(referential, since);
  }
}
