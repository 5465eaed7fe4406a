import type { EntityManager } from '@mikro-orm/postgresql';

/** What the catalog's impact analysis and coherence report need to know about an exchange, as plain values. */
export interface ExchangeLinks {
  code: string;
  status: 'PLANNED' | 'ACTIVE' | 'DEPRECATED' | 'RETIRED';
  producers: string[];
  consumers: string[];
  referentialCodes: string[];
  legalTexts: string[];
  schemaVersions: string[];
}

/** What the catalog needs from the exchanges subgraph. */
export interface ExchangeDirectory {
  /** Every exchange with the applications and referentials it links. */
  links(em: EntityManager): Promise<ExchangeLinks[]>;
}
