import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { referentialsServices } from '../referentials.services';
import { EntriesFilter } from '../entry/entries-filter.input';
import { EntryConnection } from '../entry/entry-connection.type';
import { pageExtras } from '../entry/page-extras';
import { firstPagesOfEntries } from '../entry/entries-batch';
import { Release } from '../release/release.entity';
import { mayReadDrafts } from '../release/draft-access';
import { CreateReferentialInput } from './create-referential.input';
import { Referential } from './referential.entity';
import { allReferentials, referentialByCode, type ReferentialRow } from './referential.repository';

@Resolver(() => Referential)
export class ReferentialResolver {
  @Query(() => Referential, { nullable: true })
  referential(@Arg('code', () => ID) code: string, @Ctx() { em }: GraphQLContext): Promise<ReferentialRow | null> {
    return referentialByCode(em).load(code);
  }

  @Query(() => [Referential])
  referentials(@Ctx() { em }: GraphQLContext): Promise<ReferentialRow[]> {
    return allReferentials(em);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Referential, { description: 'Declares a new code list (stewards then fill a draft release).' })
  createReferential(@Arg('input', () => CreateReferentialInput) input: CreateReferentialInput, @Ctx() ctx: GraphQLContext): Promise<Referential> {
    return referentialsServices(ctx).referentials.create(input);
  }

  @FieldResolver(() => [Release], { description: 'Every release, newest first (the draft included for its stewards).' })
  releases(@Root() referential: ReferentialRow, @Ctx() ctx: GraphQLContext): Promise<Release[]> {
    return referentialsServices(ctx).releases.list(referential.code, ctx.principal);
  }

  @FieldResolver(() => Release, { nullable: true, description: 'What reads see by default.' })
  latestRelease(@Root() referential: ReferentialRow, @Ctx() ctx: GraphQLContext): Promise<Release | null> {
    return referentialsServices(ctx).releases.latestPublished(referential.code);
  }

  @FieldResolver(() => EntryConnection, { description: 'Its entries, as the `entries` query gives them (a federated walk can end here).' })
  async entries(
    @Root() referential: ReferentialRow,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('at', () => LocalDateScalar, { nullable: true }) at?: string,
    @Arg('release', () => Int, { nullable: true }) release?: number,
    @Arg('filter', () => EntriesFilter, { nullable: true }) filter?: EntriesFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<EntryConnection> {
    if (after || filter?.search) {
      const service = referentialsServices(ctx).entries;
      return service.list(
        referential.code,
        await service.view(referential.code, release, at, ctx.principal),
        filter ?? undefined,
        first,
        after,
        pageExtras(info),
      );
    }
    return firstPagesOfEntries(ctx.em, ctx.principal).load({ referentialCode: referential.code, at, release, filter: filter ?? undefined, first });
  }

  @FieldResolver(() => Release, { nullable: true, description: 'The release being edited, if any (null for whoever is not its steward).' })
  async draft(@Root() referential: ReferentialRow, @Ctx() ctx: GraphQLContext): Promise<Release | null> {
    return mayReadDrafts(ctx.principal, referential.code) ? referentialsServices(ctx).releases.draft(referential.code) : null;
  }
}
