import type { EntityManager } from '@mikro-orm/postgresql';
import { schemaVersionsOf } from '../schema-version/schema-version.repository';
import { PartyRole, type ExchangeStatus } from './exchange-enums';
import { ExchangeRepository } from './exchange.repository';

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
 * database rather than through the gateway. Every exchange in four statements, as plain rows the request's loaders
 * keep (the gateway then asks for some of these exchanges by code): the IS map holds hundreds, not millions.
 */
export async function loadExchangeLinks(em: EntityManager): Promise<ExchangeLinks[]> {
  const exchanges = new ExchangeRepository(em);
  const rows = await exchanges.list({});
  return Promise.all(
    rows.map(async (e) => {
      const [parties, referentialCodes, versions] = await Promise.all([
        exchanges.partiesOf(e.code),
        exchanges.referentialCodesOf(e.code),
        schemaVersionsOf(em, e.code),
      ]);
      const apps = (role: PartyRole) => parties.filter((p) => p.role === role && p.applicationCode).map((p) => p.applicationCode!);
      return {
        code: e.code,
        status: e.status,
        producers: apps(PartyRole.PRODUCER),
        consumers: apps(PartyRole.CONSUMER),
        referentialCodes,
        legalTexts: e.legalTexts,
        schemaVersions: versions.map((v) => v.version),
      };
    }),
  );
}
