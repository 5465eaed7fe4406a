import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { DeploymentStatus } from '../deployment/deployment-status.enum';
import { Deployment } from '../deployment/deployment.entity';
import { ReferentialUsage } from '../referential-usage/referential-usage.entity';
import { ApplicationRelease } from '../application-release/application-release.entity';
import { RoadmapItem } from '../application-release/roadmap-item.entity';
import { LifecycleStatus } from './application-enums';
import { Application } from './application.entity';
import { ApplicationsFilter, CreateApplicationInput, UpdateApplicationInput } from './application.input';

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { nullable: true, description: 'An application by its code; null when none has it.' })
  application(@Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<Application | null> {
    return catalogServices(ctx).applications.findByCode(code);
  }

  @Query(() => [Application], { description: 'Applications of the IS map, by code.' })
  applications(@Ctx() ctx: GraphQLContext, @Arg('filter', () => ApplicationsFilter, { nullable: true }) filter?: ApplicationsFilter): Promise<Application[]> {
    return catalogServices(ctx).applications.list(filter ?? undefined);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application)
  createApplication(@Arg('input', () => CreateApplicationInput) input: CreateApplicationInput, @Ctx() ctx: GraphQLContext): Promise<Application> {
    return catalogServices(ctx).applications.create(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application)
  updateApplication(
    @Arg('code', () => ID) code: string,
    @Arg('input', () => UpdateApplicationInput) input: UpdateApplicationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return catalogServices(ctx).applications.update(code, input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application, { description: 'Moves an application through its lifecycle; RETIRED retires it (see impactOf and coherenceReport).' })
  setApplicationLifecycle(
    @Arg('code', () => ID) code: string,
    @Arg('status', () => LifecycleStatus) status: LifecycleStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Application> {
    return catalogServices(ctx).applications.setLifecycleStatus(code, status);
  }

  @FieldResolver(() => [ApplicationRelease], { description: 'Releases, latest first.' })
  async releases(@Root() application: Application): Promise<ApplicationRelease[]> {
    return (await application.releases.load()).getItems().sort((a, b) => b.releasedOn.localeCompare(a.releasedOn));
  }

  @FieldResolver(() => [RoadmapItem], { description: 'Planned evolutions, soonest first.' })
  async roadmap(@Root() application: Application): Promise<RoadmapItem[]> {
    return (await application.roadmap.load()).getItems().sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999'));
  }

  @FieldResolver(() => [Deployment])
  async deployments(
    @Root() application: Application,
    @Arg('status', () => DeploymentStatus, { nullable: true }) status?: DeploymentStatus,
  ): Promise<Deployment[]> {
    return (await application.deployments.load()).getItems().filter((d) => !status || d.status === status);
  }

  @FieldResolver(() => [ReferentialUsage], { description: 'Referentials the application reads or produces.' })
  async referentialUsages(@Root() application: Application): Promise<ReferentialUsage[]> {
    return (await application.referentialUsages.load()).getItems();
  }
}
