import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { Court } from '../court/court.entity';
import { CourtLifecycleService } from './court-lifecycle.service';
import { CreateCourtInput } from './create-court.input';
import { MergeCourtsInput } from './merge-courts.input';
import { MergeResult } from './merge-result.type';

@Resolver()
export class CourtLifecycleResolver {
  @Mutation(() => Court, { description: 'Creates a court (a new jurisdiction, or the future target of a merger).' })
  createCourt(@Arg('input', () => CreateCourtInput) input: CreateCourtInput, @Ctx() { em }: GraphQLContext): Promise<Court> {
    return new CourtLifecycleService(em).createCourt(input);
  }

  @Mutation(() => Court, { description: 'Closes a court on a day: it and its territorial competences end that day.' })
  closeCourt(
    @Arg('code', () => ID) code: string,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Court> {
    return new CourtLifecycleService(em).closeCourt(code, on);
  }

  @Mutation(() => MergeResult, { description: 'Merges courts into another: they close, it takes over their communes and attached courts.' })
  mergeCourts(@Arg('input', () => MergeCourtsInput) input: MergeCourtsInput, @Ctx() { em }: GraphQLContext): Promise<MergeResult> {
    return new CourtLifecycleService(em).mergeCourts(input);
  }
}
