import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ApplicationRelease } from './application-release.entity';
import { AddReleaseInput, AddRoadmapItemInput } from './release.input';
import { ReleaseService } from './release.service';
import { RoadmapItem } from './roadmap-item.entity';

@Resolver()
export class ReleaseResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => ApplicationRelease, { description: 'Records a release of an application.' })
  addRelease(@Arg('input', () => AddReleaseInput) input: AddReleaseInput, @Ctx() { em }: GraphQLContext): Promise<ApplicationRelease> {
    return new ReleaseService(em).addRelease(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => RoadmapItem, { description: "Adds a planned evolution to an application's roadmap." })
  addRoadmapItem(@Arg('input', () => AddRoadmapItemInput) input: AddRoadmapItemInput, @Ctx() { em }: GraphQLContext): Promise<RoadmapItem> {
    return new ReleaseService(em).addRoadmapItem(input);
  }
}
