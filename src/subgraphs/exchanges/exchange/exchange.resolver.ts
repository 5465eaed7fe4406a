import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { exchangesServices } from '../exchanges.services';
import { referentialStub, ReferentialStub } from '../federation/referential.stub';
import { SchemaVersion } from '../schema-version/schema-version.entity';
import { ExchangeParty } from './exchange-party.entity';
import { ExchangeStatus, PartyRole } from './exchange-enums';
import { Exchange } from './exchange.entity';
import { CreateExchangeInput, ExchangesFilter } from './exchange.input';

@Resolver(() => Exchange)
export class ExchangeResolver {
  @Query(() => Exchange, { nullable: true, description: 'An exchange by its code; null when none has it.' })
  exchange(@Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<Exchange | null> {
    return exchangesServices(ctx).exchanges.findByCode(code);
  }

  @Query(() => [Exchange], { description: 'Exchanges, by code.' })
  exchanges(@Ctx() ctx: GraphQLContext, @Arg('filter', () => ExchangesFilter, { nullable: true }) filter?: ExchangesFilter): Promise<Exchange[]> {
    return exchangesServices(ctx).exchanges.list(filter ?? undefined);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Exchange)
  createExchange(@Arg('input', () => CreateExchangeInput) input: CreateExchangeInput, @Ctx() ctx: GraphQLContext): Promise<Exchange> {
    return exchangesServices(ctx).exchanges.create(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => Exchange)
  setExchangeStatus(
    @Arg('code', () => ID) code: string,
    @Arg('status', () => ExchangeStatus) status: ExchangeStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Exchange> {
    return exchangesServices(ctx).exchanges.setStatus(code, status);
  }

  @FieldResolver(() => ExchangeParty, { nullable: true })
  async producer(@Root() exchange: Exchange): Promise<ExchangeParty | null> {
    return (await exchange.parties.load()).getItems().find((p) => p.role === PartyRole.PRODUCER) ?? null;
  }

  @FieldResolver(() => [ExchangeParty])
  async consumers(@Root() exchange: Exchange): Promise<ExchangeParty[]> {
    return (await exchange.parties.load()).getItems().filter((p) => p.role === PartyRole.CONSUMER);
  }

  @FieldResolver(() => [ReferentialStub], { description: 'Referentials whose codes the messages carry (referentials subgraph).' })
  async referentials(@Root() exchange: Exchange): Promise<ReferentialStub[]> {
    return (await exchange.referentialLinks.load())
      .getItems()
      .map((r) => referentialStub(r.referentialCode))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [SchemaVersion], { description: 'Schema documents, by version.' })
  async schemaVersions(@Root() exchange: Exchange): Promise<SchemaVersion[]> {
    return (await exchange.schemaVersions.load()).getItems().sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
  }
}
