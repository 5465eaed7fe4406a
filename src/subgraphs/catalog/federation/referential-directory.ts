import type { EntityManager } from '@mikro-orm/postgresql';

export interface ReferentialState {
  code: string;
  releases: { number: number; status: 'DRAFT' | 'PUBLISHED' | 'RETIRED' }[];
}

/** What the catalog needs from the referentials subgraph; null answers mean "not part of this deployment". */
export interface ReferentialDirectory {
  /** Every referential and the status of its releases, for the coherence report. */
  list(em: EntityManager): Promise<ReferentialState[] | null>;
  /** Referentials whose legal references cite this text (compared folded), for impactOf(legalText). */
  citing(em: EntityManager, legalText: string): Promise<string[] | null>;
}

/** Until the referentials subgraph is merged: no data, so what needs it is reported as pending (wire its service here then). */
export const pendingReferentialDirectory: ReferentialDirectory = { list: async () => null, citing: async () => null };
