import type { EntityManager } from '@mikro-orm/postgresql';
import { ExchangeParty } from '../../src/subgraphs/exchanges/exchange/exchange-party.entity';
import { ExchangeReferential } from '../../src/subgraphs/exchanges/exchange/exchange-referential.entity';
import { ExchangeStatus, MessageFormat, PartyRole, SignatureLevel, Transport } from '../../src/subgraphs/exchanges/exchange/exchange-enums';
import { Exchange } from '../../src/subgraphs/exchanges/exchange/exchange.entity';

let sequence = 0;

export interface ExchangeShape {
  code?: string;
  producer: string;
  consumers: string[];
  referentialCodes?: string[];
  legalTexts?: string[];
  status?: ExchangeStatus;
}

/** An active JSON web-service exchange between applications (by code). Not flushed. */
export function anExchange(em: EntityManager, shape: ExchangeShape): Exchange {
  sequence += 1;
  const exchange = em.create(Exchange, {
    code: shape.code ?? `EX${sequence}`,
    name: `Exchange ${sequence}`,
    format: MessageFormat.JSON,
    transport: Transport.WEB_SERVICE,
    signatureLevel: SignatureLevel.NONE,
    status: shape.status ?? ExchangeStatus.ACTIVE,
    legalTexts: shape.legalTexts ?? [],
  });
  em.create(ExchangeParty, { exchange, role: PartyRole.PRODUCER, applicationCode: shape.producer });
  for (const consumer of shape.consumers) em.create(ExchangeParty, { exchange, role: PartyRole.CONSUMER, applicationCode: consumer });
  for (const referentialCode of shape.referentialCodes ?? []) em.create(ExchangeReferential, { exchange, referentialCode });
  return exchange;
}
