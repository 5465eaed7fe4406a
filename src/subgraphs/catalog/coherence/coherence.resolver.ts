import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogPorts } from '../catalog.ports';
import { CoherenceReport } from './coherence.types';
import { CoherenceService } from './coherence.service';

@Resolver()
export class CoherenceResolver {
  @Query(() => CoherenceReport, {
    description:
      'Dangling references, retired producers or consumers, deployments at closed courts, and (with the referentials subgraph) retired pins and unused referentials.',
  })
  coherenceReport(@Ctx() { em }: GraphQLContext): Promise<CoherenceReport> {
    return new CoherenceService(em, catalogPorts).report();
  }
}
