import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { organisationServices } from '../organisation.services';
import { CompetenceIssue } from './competence-issue.entity';
import { CompetentCourt } from './competent-court.type';

@Resolver()
export class CompetenceResolver {
  @Query(() => [CompetentCourt], { description: 'The competent court of each kind for a commune, on a day (today by default).' })
  competentCourts(
    @Arg('insee', { description: 'INSEE commune code, e.g. "01001" or "2A004".' }) insee: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('at', () => LocalDateScalar, { nullable: true }) at?: string,
  ): Promise<CompetentCourt[]> {
    return organisationServices(ctx).competences.competentCourts(insee, at ?? undefined);
  }

  @Query(() => [CompetenceIssue], { description: 'Court names of the competence source that matched no court, with the communes they leave uncovered.' })
  competenceIssues(@Ctx() ctx: GraphQLContext): Promise<CompetenceIssue[]> {
    return organisationServices(ctx).competences.unmatchedNames();
  }
}
