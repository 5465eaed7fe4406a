import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { CoherenceReport } from './coherence.types';

@Resolver()
export class CoherenceResolver {
  @Query(() => CoherenceReport, {
    description:
      'Dangling references, retired producers or consumers, deployments at closed courts, and (with the referentials subgraph) retired pins and unused referentials.',
  })
  coherenceReport(@Ctx() ctx: GraphQLContext): Promise<CoherenceReport> {
    return catalogServices(ctx).coherence.report();
  }
}
