import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { assertSteward, SRJ_REFERENTIAL } from '../../../kernel/auth/principal';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { organisationServices } from '../organisation.services';
import { Court } from '../court/court.entity';
import { CreateCourtInput } from './create-court.input';
import { MergeCourtsInput } from './merge-courts.input';
import { MergeResult } from './merge-result.type';

/** Courts are stewarded like a referential, under the code SRJ. */
@Resolver()
export class CourtLifecycleResolver {
  @Authorized(Role.STEWARD)
  @Mutation(() => Court, { description: 'Creates a court (a new jurisdiction, or the future target of a merger).' })
  createCourt(@Arg('input', () => CreateCourtInput) input: CreateCourtInput, @Ctx() ctx: GraphQLContext): Promise<Court> {
    assertSteward(ctx.principal, SRJ_REFERENTIAL);
    return organisationServices(ctx).courtLifecycle.createCourt(input);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Court, { description: 'Closes a court on a day: it and its territorial competences end that day.' })
  closeCourt(@Arg('code', () => ID) code: string, @Arg('on', () => LocalDateScalar) on: string, @Ctx() ctx: GraphQLContext): Promise<Court> {
    assertSteward(ctx.principal, SRJ_REFERENTIAL);
    return organisationServices(ctx).courtLifecycle.closeCourt(code, on);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => MergeResult, { description: 'Merges courts into another: they close, it takes over their communes and attached courts.' })
  mergeCourts(@Arg('input', () => MergeCourtsInput) input: MergeCourtsInput, @Ctx() ctx: GraphQLContext): Promise<MergeResult> {
    assertSteward(ctx.principal, SRJ_REFERENTIAL);
    return organisationServices(ctx).courtLifecycle.mergeCourts(input);
  }
}
