import type { EntityManager } from '@mikro-orm/postgresql';

export interface ReferentialState {
  code: string;
  releases: { number: number; status: 'DRAFT' | 'PUBLISHED' | 'RETIRED' }[];
}

/** A referential citing a legal text, with (some of) its entries that cite it when the text could be structured. */
export interface ReferentialCitation {
  referentialCode: string;
  /** The first citing entries, by code (empty when matched on free text). */
  entryCodes?: string[];
  /** All citing entries. */
  entryCount?: number;
}

/** What the catalog needs from the referentials subgraph; null answers mean "not part of this deployment". */
export interface ReferentialDirectory {
  /** Every referential and the status of its releases, for the coherence report. */
  list(em: EntityManager): Promise<ReferentialState[] | null>;
  /** Referentials whose legal references cite this text (structured when it can be read, else compared as text), for impactOf(legalText). */
  citing(em: EntityManager, legalText: string): Promise<ReferentialCitation[] | null>;
}
