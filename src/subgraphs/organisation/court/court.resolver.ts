import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { isValidAt } from '../../../kernel/database/validity';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { CourtSite } from '../court-site/court-site.entity';
import { CourtConnection } from './court-connection.type';
import { CourtType } from './court-type.enum';
import { Court } from './court.entity';
import { CourtService } from './court.service';
import { CourtsFilter } from './courts-filter.input';

@Resolver(() => Court)
export class CourtResolver {
  @Query(() => Court, { nullable: true, description: 'A court by its code; null when no court has it.' })
  court(@Arg('code', () => ID) code: string, @Ctx() { em }: GraphQLContext): Promise<Court | null> {
    return new CourtService(em).findByCode(code);
  }

  @Query(() => CourtConnection, { description: 'Courts ordered by code, a page at a time (at most 100).' })
  courts(
    @Ctx() { em }: GraphQLContext,
    @Arg('filter', () => CourtsFilter, { nullable: true }) filter?: CourtsFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 20 by default, 100 at most.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CourtConnection> {
    return new CourtService(em).list(filter ?? undefined, first, after);
  }

  @FieldResolver(() => Court, { nullable: true, description: 'The court above this one (a TJ for a CPH, a CA for a TJ).' })
  async parent(@Root() court: Court): Promise<Court | null> {
    // Already in the identity map (children{parent{…}}): no loader round, no populate pass per node.
    if (court.parent?.isInitialized()) return court.parent.getEntity();
    return (await court.parent?.load()) ?? null;
  }

  @FieldResolver(() => [Court], { description: 'Courts directly below this one, by code.' })
  async children(
    @Root() court: Court,
    @Arg('type', () => CourtType, { nullable: true }) type?: CourtType,
    @Arg('validAt', () => LocalDateScalar, { nullable: true }) validAt?: string,
  ): Promise<Court[]> {
    const children = court.children.isInitialized(true) ? court.children.getItems() : (await court.children.load()).getItems();
    return children
      .filter((c) => (!type || c.type === type) && (!validAt || isValidAt(c, validAt)))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Court], { description: 'Every court above this one, from the top (a CPH: its CA, then its TJ).' })
  async ancestors(@Root() court: Court): Promise<Court[]> {
    const chain: Court[] = [];
    for (let current = await court.parent?.load(); current; current = await current.parent?.load()) chain.unshift(current);
    return chain;
  }

  @FieldResolver(() => [CourtSite])
  async sites(@Root() court: Court): Promise<CourtSite[]> {
    return (await court.sites.load()).getItems();
  }
}
