import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { ReferentialUsage, type ReferentialUsageNode } from '../referential-usage/referential-usage.entity';
import { ReferentialStub } from './referential.stub';

@Resolver(() => ReferentialStub)
export class ReferentialStubResolver {
  @FieldResolver(() => [ReferentialUsage], {
    nullable: true,
    description: 'Applications that read or produce this referential (catalog; null with an error while the catalog is unavailable).',
  })
  consumers(@Root() referential: ReferentialStub, @Ctx() ctx: GraphQLContext): Promise<ReferentialUsageNode[]> {
    return catalogServices(ctx).referentialUsages.consumersOf(referential.code);
  }
}
