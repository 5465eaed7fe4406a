import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { DeploymentStatus } from '../deployment/deployment-status.enum';
import { Deployment, type DeploymentNode } from '../deployment/deployment.entity';
import { ReferentialUsage, type ReferentialUsageNode } from '../referential-usage/referential-usage.entity';
import { ApplicationRelease } from '../application-release/application-release.entity';
import type { ApplicationReleaseRow, RoadmapItemRow } from '../application-release/application-release.repository';
import { RoadmapItem } from '../application-release/roadmap-item.entity';
import { LifecycleStatus } from './application-enums';
import { Application, type ApplicationNode } from './application.entity';
import { ApplicationsFilter, CreateApplicationInput, UpdateApplicationInput } from './application.input';

/** Roots are rows from the read path or entities from a write: the field resolvers only read `ApplicationNode`. */
@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { nullable: true, description: 'An application by its code; null when none has it.' })
  application(@Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<ApplicationNode | null> {
    return catalogServices(ctx).applications.findByCode(code);
  }

  @Query(() => [Application], { description: 'Applications of the IS map, by code.' })
  applications(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ApplicationsFilter, { nullable: true }) filter?: ApplicationsFilter,
  ): Promise<ApplicationNode[]> {
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
  releases(@Root() application: ApplicationNode, @Ctx() ctx: GraphQLContext): Promise<ApplicationReleaseRow[]> {
    return catalogServices(ctx).applicationReleases.releasesOf(application.code);
  }

  @FieldResolver(() => [RoadmapItem], { description: 'Planned evolutions, soonest first.' })
  roadmap(@Root() application: ApplicationNode, @Ctx() ctx: GraphQLContext): Promise<RoadmapItemRow[]> {
    return catalogServices(ctx).applicationReleases.roadmapOf(application.code);
  }

  @FieldResolver(() => [Deployment])
  deployments(
    @Root() application: ApplicationNode,
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => DeploymentStatus, { nullable: true }) status?: DeploymentStatus,
  ): Promise<DeploymentNode[]> {
    return catalogServices(ctx).deployments.ofApplication(application.code, status);
  }

  @FieldResolver(() => [ReferentialUsage], { description: 'Referentials the application reads or produces.' })
  referentialUsages(@Root() application: ApplicationNode, @Ctx() ctx: GraphQLContext): Promise<ReferentialUsageNode[]> {
    return catalogServices(ctx).referentialUsages.ofApplication(application.code);
  }
}
