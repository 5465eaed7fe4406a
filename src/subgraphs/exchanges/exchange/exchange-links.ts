import type { EntityManager } from '@mikro-orm/postgresql';
import { PartyRole, type ExchangeStatus } from './exchange-enums';
import { Exchange } from './exchange.entity';

/** An exchange with the applications and referentials it links, as plain values. */
export interface ExchangeLinks {
  code: string;
  status: ExchangeStatus;
  producers: string[];
  consumers: string[];
  referentialCodes: string[];
  legalTexts: string[];
  schemaVersions: string[];
}

/**
 * What other subgraphs may read of the exchanges (the catalog's impact analysis and coherence report), from the same
 * database rather than through the gateway. Every exchange in three queries: the IS map holds hundreds, not millions.
 */
export async function loadExchangeLinks(em: EntityManager): Promise<ExchangeLinks[]> {
  const exchanges = await em.find(
    Exchange,
    {},
    { populate: ['parties', 'referentialLinks', 'schemaVersions'], strategy: 'select-in', orderBy: { code: 'asc' } },
  );
  return exchanges.map((e) => {
    const apps = (role: PartyRole) =>
      e.parties
        .getItems()
        .filter((p) => p.role === role && p.applicationCode)
        .map((p) => p.applicationCode!);
    return {
      code: e.code,
      status: e.status,
      producers: apps(PartyRole.PRODUCER),
      consumers: apps(PartyRole.CONSUMER),
      referentialCodes: e.referentialLinks.getItems().map((r) => r.referentialCode),
      legalTexts: e.legalTexts,
      schemaVersions: e.schemaVersions.getItems().map((v) => v.version),
    };
  });
}
