import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { ApplicationRelease } from './application-release.entity';
import { AddReleaseInput, AddRoadmapItemInput } from './release.input';
import { RoadmapItem } from './roadmap-item.entity';

@Resolver()
export class ReleaseResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => ApplicationRelease, { description: 'Records a release of an application.' })
  addRelease(@Arg('input', () => AddReleaseInput) input: AddReleaseInput, @Ctx() ctx: GraphQLContext): Promise<ApplicationRelease> {
    return catalogServices(ctx).applicationReleases.addRelease(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => RoadmapItem, { description: "Adds a planned evolution to an application's roadmap." })
  addRoadmapItem(@Arg('input', () => AddRoadmapItemInput) input: AddRoadmapItemInput, @Ctx() ctx: GraphQLContext): Promise<RoadmapItem> {
    return catalogServices(ctx).applicationReleases.addRoadmapItem(input);
  }
}
