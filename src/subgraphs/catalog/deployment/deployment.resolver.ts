import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { selectsOnly } from '../../../kernel/graphql/selected-fields';
import { catalogServices } from '../catalog.services';
import { Application, type ApplicationNode } from '../application/application.entity';
import { courtStub, CourtStub } from '../federation/court.stub';
import { Deployment, type DeploymentNode } from './deployment.entity';
import { AddDeploymentInput } from './deployment.input';

const APPLICATION_KEY = new Set(['code']);

@Resolver(() => Deployment)
export class DeploymentResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => Deployment, { description: 'Plans, pilots, deploys or withdraws an application at a court (one row per application and court).' })
  addDeployment(@Arg('input', () => AddDeploymentInput) input: AddDeploymentInput, @Ctx() ctx: GraphQLContext): Promise<Deployment> {
    return catalogServices(ctx).deployments.add(input);
  }

  @FieldResolver(() => Application)
  application(
    @Root() deployment: DeploymentNode,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): ApplicationNode | Promise<ApplicationNode | null> {
    // Its foreign key guarantees the application: asked for its code alone (a federated walk's key), nothing to read.
    if (selectsOnly(info, APPLICATION_KEY)) return { code: deployment.applicationCode } as ApplicationNode;
    return catalogServices(ctx).applications.findByCode(deployment.applicationCode);
  }

  @FieldResolver(() => CourtStub, { description: 'The court (organisation subgraph).' })
  court(@Root() deployment: DeploymentNode): CourtStub {
    return courtStub(deployment.courtCode);
  }
}
