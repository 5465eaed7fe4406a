import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { isValidAt } from '../../../kernel/database/validity';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { selectedFields } from '../../../kernel/graphql/selected-fields';
import { selects } from '../../../kernel/graphql/selects';
import { organisationServices } from '../organisation.services';
import { CourtSite } from '../court-site/court-site.entity';
import { sitesOf, type CourtSiteRow } from '../court-site/court-site.repository';
import { CourtConnection } from './court-connection.type';
import { CourtType } from './court-type.enum';
import { Court, type CourtNode } from './court.entity';
import { CourtRepository, pageColumns } from './court.repository';
import { CourtsFilter } from './courts-filter.input';

/** Roots are rows from the read path or entities from a write: the field resolvers only read `CourtNode`. */
@Resolver(() => Court)
export class CourtResolver {
  @Query(() => Court, { nullable: true, description: 'A court by its code; null when no court has it.' })
  court(@Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<CourtNode | null> {
    return organisationServices(ctx).courts.findByCode(code);
  }

  @Query(() => CourtConnection, { description: 'Courts ordered by code, a page at a time (at most 100).' })
  courts(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => CourtsFilter, { nullable: true }) filter?: CourtsFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 20 by default, 100 at most.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CourtConnection> {
    const withParents = selects(info, ['edges', 'node', 'parent']);
    const asked = [...selectedFields(info, ['edges', 'node']), ...(withParents ? selectedFields(info, ['edges', 'node', 'parent']) : [])];
    return organisationServices(ctx).courts.list(filter ?? undefined, first, after, withParents, pageColumns(asked));
  }

  @FieldResolver(() => Court, { nullable: true, description: 'The court above this one (a TJ for a CPH, a CA for a TJ).' })
  parent(@Root() court: CourtNode, @Ctx() { em }: GraphQLContext): CourtNode | null | Promise<CourtNode | null> {
    return new CourtRepository(em).parentOf(court);
  }

  @FieldResolver(() => [Court], { description: 'Courts directly below this one, by code.' })
  async children(
    @Root() court: CourtNode,
    @Ctx() { em }: GraphQLContext,
    @Arg('type', () => CourtType, { nullable: true }) type?: CourtType,
    @Arg('validAt', () => LocalDateScalar, { nullable: true }) validAt?: string,
  ): Promise<CourtNode[]> {
    const children = await new CourtRepository(em).childrenOf(court.code);
    return children.filter((c) => (!type || c.type === type) && (!validAt || isValidAt(c, validAt))).sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Court], { description: 'Every court above this one, from the top (a CPH: its CA, then its TJ).' })
  async ancestors(@Root() court: CourtNode, @Ctx() { em }: GraphQLContext): Promise<CourtNode[]> {
    const courts = new CourtRepository(em);
    const chain: CourtNode[] = [];
    // A cycle in the data (an extract's parents pointing at each other) ends the chain instead of looping forever.
    const seen = new Set([court.code]);
    for (let current = await courts.parentOf(court); current && !seen.has(current.code); current = await courts.parentOf(current)) {
      seen.add(current.code);
      chain.unshift(current);
    }
    return chain;
  }

  @FieldResolver(() => [CourtSite])
  sites(@Root() court: CourtNode, @Ctx() { em }: GraphQLContext): Promise<CourtSiteRow[]> {
    return sitesOf(em, court.code);
  }
}
