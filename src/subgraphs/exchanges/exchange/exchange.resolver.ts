import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { exchangesServices } from '../exchanges.services';
import { referentialStub, ReferentialStub } from '../federation/referential.stub';
import { SchemaVersion } from '../schema-version/schema-version.entity';
import type { SchemaVersionRow } from '../schema-version/schema-version.repository';
import { ExchangeParty, type ExchangePartyNode } from './exchange-party.entity';
import { ExchangeStatus } from './exchange-enums';
import { Exchange, type ExchangeNode } from './exchange.entity';
import { CreateExchangeInput, ExchangesFilter } from './exchange.input';

/** Roots are rows from the read path or entities from a write: the field resolvers only read `ExchangeNode`. */
@Resolver(() => Exchange)
export class ExchangeResolver {
  @Query(() => Exchange, { nullable: true, description: 'An exchange by its code; null when none has it.' })
  exchange(@Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<ExchangeNode | null> {
    return exchangesServices(ctx).exchanges.findByCode(code);
  }

  @Query(() => [Exchange], { description: 'Exchanges, by code.' })
  exchanges(@Ctx() ctx: GraphQLContext, @Arg('filter', () => ExchangesFilter, { nullable: true }) filter?: ExchangesFilter): Promise<ExchangeNode[]> {
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
  producer(@Root() exchange: ExchangeNode, @Ctx() ctx: GraphQLContext): Promise<ExchangePartyNode | null> {
    return exchangesServices(ctx).exchanges.producerOf(exchange.code);
  }

  @FieldResolver(() => [ExchangeParty])
  consumers(@Root() exchange: ExchangeNode, @Ctx() ctx: GraphQLContext): Promise<ExchangePartyNode[]> {
    return exchangesServices(ctx).exchanges.consumersOf(exchange.code);
  }

  @FieldResolver(() => [ReferentialStub], { description: 'Referentials whose codes the messages carry (referentials subgraph).' })
  async referentials(@Root() exchange: ExchangeNode, @Ctx() ctx: GraphQLContext): Promise<ReferentialStub[]> {
    return (await exchangesServices(ctx).exchanges.referentialCodesOf(exchange.code)).map(referentialStub);
  }

  @FieldResolver(() => [SchemaVersion], { description: 'Schema documents, by version.' })
  schemaVersions(@Root() exchange: ExchangeNode, @Ctx() ctx: GraphQLContext): Promise<SchemaVersionRow[]> {
    return exchangesServices(ctx).schemaVersions.ofExchange(exchange.code);
  }
}
