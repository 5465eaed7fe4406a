import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { DeploymentStatus } from '../deployment/deployment-status.enum';
import { Deployment } from '../deployment/deployment.entity';
import { ReferentialUsage } from '../referential-usage/referential-usage.entity';
import { ApplicationRelease } from '../application-release/application-release.entity';
import { RoadmapItem } from '../application-release/roadmap-item.entity';
import { LifecycleStatus } from './application-enums';
import { Application } from './application.entity';
import { ApplicationsFilter, CreateApplicationInput, UpdateApplicationInput } from './application.input';
import { ApplicationService } from './application.service';

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { nullable: true, description: 'An application by its code; null when none has it.' })
  application(@Arg('code', () => ID) code: string, @Ctx() { em }: GraphQLContext): Promise<Application | null> {
    return new ApplicationService(em).findByCode(code);
  }

  @Query(() => [Application], { description: 'Applications of the IS map, by code.' })
  applications(
    @Ctx() { em }: GraphQLContext,
    @Arg('filter', () => ApplicationsFilter, { nullable: true }) filter?: ApplicationsFilter,
  ): Promise<Application[]> {
    return new ApplicationService(em).list(filter ?? undefined);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application)
  createApplication(@Arg('input', () => CreateApplicationInput) input: CreateApplicationInput, @Ctx() { em }: GraphQLContext): Promise<Application> {
    return new ApplicationService(em).create(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application)
  updateApplication(
    @Arg('code', () => ID) code: string,
    @Arg('input', () => UpdateApplicationInput) input: UpdateApplicationInput,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Application> {
    return new ApplicationService(em).update(code, input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Application, { description: 'Moves an application through its lifecycle; RETIRED retires it (see impactOf and coherenceReport).' })
  setApplicationLifecycle(
    @Arg('code', () => ID) code: string,
    @Arg('status', () => LifecycleStatus) status: LifecycleStatus,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Application> {
    return new ApplicationService(em).setLifecycleStatus(code, status);
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
