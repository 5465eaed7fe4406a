import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
// Exchange first: type-graphql declares the types in the order their classes load, and schema/ keeps that order.
import { Exchange } from './exchange/exchange.entity';
import { ExchangePartyResolver } from './exchange/exchange-party.resolver';
import { resolveExchangeReference } from './exchange/exchange.reference';
import { ExchangeResolver } from './exchange/exchange.resolver';
import { ApplicationStubResolver } from './federation/application-stub.resolver';
import { ApplicationStub } from './federation/application.stub';
import { resolveApplicationStub } from './federation/stub.references';
import { SchemaVersionResolver } from './schema-version/schema-version.resolver';

/** Exchanges between applications and with partners: parties, formats, schema versions, referentials carried. */
export const exchangesSubgraph: SubgraphDefinition = {
  name: 'exchanges',
  defaultPort: 4104,
  cacheable: true,
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [ExchangeResolver, ExchangePartyResolver, SchemaVersionResolver, ApplicationStubResolver], orphanedTypes: [Exchange, ApplicationStub] },
      { Exchange: resolveExchangeReference, Application: resolveApplicationStub },
    ),
};
