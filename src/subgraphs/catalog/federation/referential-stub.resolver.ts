import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ReferentialUsage } from '../referential-usage/referential-usage.entity';
import { ReferentialUsageService } from '../referential-usage/referential-usage.service';
import { ReferentialStub } from './referential.stub';

@Resolver(() => ReferentialStub)
export class ReferentialStubResolver {
  @FieldResolver(() => [ReferentialUsage], {
    nullable: true,
    description: 'Applications that read or produce this referential (catalog; null with an error while the catalog is unavailable).',
  })
  consumers(@Root() referential: ReferentialStub, @Ctx() { em }: GraphQLContext): Promise<ReferentialUsage[]> {
    return new ReferentialUsageService(em).consumersOf(referential.code);
  }
}
