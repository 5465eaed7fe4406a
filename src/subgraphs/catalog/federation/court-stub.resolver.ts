import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { catalogServices } from '../catalog.services';
import { CourtContact, type CourtContactNode } from '../contact/court-contact.entity';
import { DeploymentStatus } from '../deployment/deployment-status.enum';
import { Deployment, type DeploymentNode } from '../deployment/deployment.entity';
import { CourtStub } from './court.stub';

@Resolver(() => CourtStub)
export class CourtStubResolver {
  @FieldResolver(() => [Deployment], {
    nullable: true,
    description: 'Applications planned, piloted, deployed or withdrawn at this court (catalog; null with an error while the catalog is unavailable).',
  })
  deployments(
    @Root() court: CourtStub,
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => DeploymentStatus, { nullable: true }) status?: DeploymentStatus,
  ): Promise<DeploymentNode[]> {
    return catalogServices(ctx).deployments.atCourt(court.code, status);
  }

  @FieldResolver(() => [CourtContact], {
    nullable: true,
    description: 'Local IT managers and correspondents in office on a day, today by default (catalog; null with an error while the catalog is unavailable).',
  })
  contacts(
    @Root() court: CourtStub,
    @Ctx() ctx: GraphQLContext,
    @Arg('validAt', () => LocalDateScalar, { nullable: true }) validAt?: string,
  ): Promise<CourtContactNode[]> {
    return catalogServices(ctx).courtContacts.atCourt(court.code, validAt ?? undefined);
  }
}
