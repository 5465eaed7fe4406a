import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { exchangesServices } from '../exchanges.services';
import { PartyRole } from '../exchange/exchange-enums';
import { Exchange, type ExchangeNode } from '../exchange/exchange.entity';
import { ApplicationStub } from './application.stub';

@Resolver(() => ApplicationStub)
export class ApplicationStubResolver {
  @FieldResolver(() => [Exchange], {
    nullable: true,
    description: 'Exchanges the application produces or consumes, by code (exchanges; null with an error while that subgraph is unavailable).',
  })
  exchanges(
    @Root() application: ApplicationStub,
    @Ctx() ctx: GraphQLContext,
    @Arg('role', () => PartyRole, { nullable: true }) role?: PartyRole,
  ): Promise<ExchangeNode[]> {
    return exchangesServices(ctx).exchanges.ofApplication(application.code, role);
  }
}
