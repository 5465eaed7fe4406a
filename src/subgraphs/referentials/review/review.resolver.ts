import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthException, AuthExceptionCode } from '../../../kernel/auth/auth.exception';
import { hasRole, isStewardOf } from '../../../kernel/auth/principal';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { referentialsServices } from '../referentials.services';
import { Referential } from '../referential/referential.entity';
import type { ReferentialRow } from '../referential/referential.repository';
import { Release } from '../release/release.entity';
import { ReleaseComment } from './release-comment.entity';
import { ReleaseStage } from './review-state.enum';
import { isStale, stageOf } from './review.service';

/** The four-eyes review of releases: submit, approve, reject, comment, and what is pending or upcoming. */
@Resolver(() => Release)
export class ReviewResolver {
  @Authorized(Role.STEWARD)
  @Mutation(() => Release, {
    description:
      'Submits the draft for review as it is at `expectedVersion`; with `effectiveOn` (today or later), the platform publishes it that day once approved.',
  })
  submitRelease(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('effectiveOn', () => LocalDateScalar, { nullable: true }) effectiveOn?: string,
  ): Promise<Release> {
    return referentialsServices(ctx).reviews.submit(referential, expectedVersion, ctx.actor, note, effectiveOn);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Release, {
    description: 'Approves the submitted draft: by another steward of the referential or an admin, and only if it has not changed since it was submitted.',
  })
  approveRelease(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ): Promise<Release> {
    return referentialsServices(ctx).reviews.approve(referential, expectedVersion, ctx.principal, note);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Release, { description: 'Sends a submitted or approved draft back to DRAFT, with the reason.' })
  rejectRelease(@Arg('referential', () => ID) referential: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: GraphQLContext): Promise<Release> {
    return referentialsServices(ctx).reviews.reject(referential, reason, ctx.actor);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ReleaseComment, { description: 'Comments on the draft under way, or on one of its entries (`entryCode`).' })
  commentRelease(
    @Arg('referential', () => ID) referential: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('entryCode', () => ID, { nullable: true }) entryCode?: string,
  ): Promise<ReleaseComment> {
    return referentialsServices(ctx).reviews.comment(referential, body, ctx.actor, entryCode);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Referential, { description: 'Turns four-eyes publication on or off for a referential (stewards cannot lift it themselves).' })
  setRequiresApproval(
    @Arg('referential', () => ID) referential: string,
    @Arg('requiresApproval', () => Boolean) requiresApproval: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Referential> {
    return referentialsServices(ctx).reviews.setRequiresApproval(referential, requiresApproval);
  }

  @Authorized(Role.STEWARD)
  @Query(() => [Release], {
    description: "Drafts submitted and waiting for a reviewer, in the caller's referentials (all of them for an admin), oldest first.",
  })
  pendingReviews(@Ctx() ctx: GraphQLContext, @Arg('referentials', () => [ID], { nullable: true }) referentials?: string[]): Promise<Release[]> {
    const { principal } = ctx;
    const mine = hasRole(principal, Role.ADMIN) ? referentials : (referentials ?? principal.stewardOf).filter((code) => isStewardOf(principal, code));
    return mine && mine.length === 0 ? Promise.resolve([]) : referentialsServices(ctx).reviews.pending(mine);
  }

  @Query(() => [Release], {
    description: 'Approved releases that take effect on a later day (the platform publishes each on its `effectiveOn`), soonest first.',
  })
  upcomingReleases(@Ctx() ctx: GraphQLContext, @Arg('referential', () => ID, { nullable: true }) referential?: string): Promise<Release[]> {
    return referentialsServices(ctx).reviews.upcoming(referential);
  }

  @FieldResolver(() => ID, { description: 'The referential this release belongs to.' })
  referentialCode(@Root() release: Release): string {
    return release.referential.unwrap().code;
  }

  @FieldResolver(() => ReleaseStage)
  stage(@Root() release: Release): ReleaseStage {
    return stageOf(release);
  }

  @FieldResolver(() => Boolean, { description: 'Submitted or approved, but the draft changed since: it must be submitted again.' })
  reviewStale(@Root() release: Release): boolean {
    return isStale(release);
  }

  @Authorized(Role.STEWARD)
  @FieldResolver(() => [ReleaseComment], { description: "The review's comments and steps, oldest first (stewards of the referential and admins)." })
  comments(@Root() release: Release, @Ctx() ctx: GraphQLContext): Promise<ReleaseComment[]> {
    if (!isStewardOf(ctx.principal, release.referential.unwrap().code)) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
    return referentialsServices(ctx).reviews.comments(release);
  }
}

/** `Referential.upcomingReleases`: the same list, for one referential. */
@Resolver(() => Referential)
export class ReferentialReviewResolver {
  @FieldResolver(() => [Release], { description: 'Approved releases that take effect on a later day, soonest first.' })
  upcomingReleases(@Root() referential: ReferentialRow, @Ctx() ctx: GraphQLContext): Promise<Release[]> {
    return referentialsServices(ctx).reviews.upcoming(referential.code);
  }
}
