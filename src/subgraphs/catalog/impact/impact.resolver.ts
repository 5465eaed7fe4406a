import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogPorts } from '../catalog.ports';
import { ImpactChangeInput } from './impact-change.input';
import { Impact } from './impact.types';
import { ImpactService } from './impact.service';

@Resolver()
export class ImpactResolver {
  @Query(() => Impact, {
    description: 'The applications, exchanges, deployments (courts) and owner bureaus a change touches, each with the path that explains why.',
  })
  impactOf(@Arg('change', () => ImpactChangeInput) change: ImpactChangeInput, @Ctx() { em }: GraphQLContext): Promise<Impact> {
    return new ImpactService(em, catalogPorts).impactOf(change);
  }
}
