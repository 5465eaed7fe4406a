import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { referentialsServices } from '../referentials.services';
import { Release } from './release.entity';

@Resolver(() => Release)
export class ReleaseResolver {
  @Authorized(Role.STEWARD)
  @Mutation(() => Release, { description: 'Opens the draft of the next release (one draft at a time).' })
  createDraft(
    @Arg('referential', () => ID) referential: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('notes', () => String, { nullable: true }) notes?: string,
  ): Promise<Release> {
    return referentialsServices(ctx).releases.createDraft(referential, ctx.actor, notes);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Release, { description: 'Publishes the draft: from then on it never changes.' })
  publishRelease(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GraphQLContext,
    @Arg('notes', () => String, { nullable: true }) notes?: string,
    @Arg('allowMassRemoval', () => Boolean, {
      nullable: true,
      description: 'Confirms a release that end-dates more than MASS_REMOVAL_THRESHOLD % (20 by default) of the entries in force.',
    })
    allowMassRemoval?: boolean,
  ): Promise<Release> {
    return referentialsServices(ctx).releases.publish(referential, expectedVersion, ctx.actor, notes, allowMassRemoval ?? false);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Int, { description: 'Drops the draft and all it recorded; returns its number.' })
  discardDraft(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    return referentialsServices(ctx).releases.discard(referential, expectedVersion);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Release, { description: 'Flags a superseded published release as no longer to be used (it stays readable).' })
  retireRelease(@Arg('referential', () => ID) referential: string, @Arg('number', () => Int) number: number, @Ctx() ctx: GraphQLContext): Promise<Release> {
    return referentialsServices(ctx).releases.retire(referential, number);
  }
}
