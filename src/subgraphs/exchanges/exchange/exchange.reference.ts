import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import type { Exchange } from './exchange.entity';
import { ExchangeService } from './exchange.service';

/** Other subgraphs hold `Exchange { code }` stubs (impact results); the gateway resolves them here, batched per request. */
export const resolveExchangeReference: ReferenceResolver<Exchange> = (reference, { em }) => new ExchangeService(em).findByCode(String(reference.code));
