import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { Application, type ApplicationNode } from '../application/application.entity';
import { referentialStub, ReferentialStub } from '../federation/referential.stub';
import { ReferentialUsage, type ReferentialUsageNode } from './referential-usage.entity';
import { DeclareReferentialUsageInput } from './referential-usage.input';

@Resolver(() => ReferentialUsage)
export class ReferentialUsageResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => ReferentialUsage, { description: 'Declares that an application reads or produces a referential.' })
  declareReferentialUsage(
    @Arg('input', () => DeclareReferentialUsageInput) input: DeclareReferentialUsageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReferentialUsage> {
    return catalogServices(ctx).referentialUsages.declare(input);
  }

  @FieldResolver(() => Application)
  application(@Root() usage: ReferentialUsageNode, @Ctx() ctx: GraphQLContext): Promise<ApplicationNode | null> {
    return catalogServices(ctx).applications.findByCode(usage.applicationCode);
  }

  @FieldResolver(() => ReferentialStub, { description: 'The referential (referentials subgraph).' })
  referential(@Root() usage: ReferentialUsageNode): ReferentialStub {
    return referentialStub(usage.referentialCode);
  }
}
