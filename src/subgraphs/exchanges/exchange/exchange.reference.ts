import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { exchangesServices } from '../exchanges.services';
import type { ExchangeNode } from './exchange.entity';

/** Other subgraphs hold `Exchange { code }` stubs (impact results); the gateway resolves them here, batched per request. */
export const resolveExchangeReference: ReferenceResolver<ExchangeNode> = (reference, context) =>
  exchangesServices(context).exchanges.findByCode(String(reference.code));
