import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { ImpactChangeInput } from './impact-change.input';
import { Impact } from './impact.types';

@Resolver()
export class ImpactResolver {
  @Query(() => Impact, {
    description: 'The applications, exchanges, deployments (courts) and owner bureaus a change touches, each with the path that explains why.',
  })
  impactOf(@Arg('change', () => ImpactChangeInput) change: ImpactChangeInput, @Ctx() ctx: GraphQLContext): Promise<Impact> {
    return catalogServices(ctx).impact.impactOf(change);
  }
}
