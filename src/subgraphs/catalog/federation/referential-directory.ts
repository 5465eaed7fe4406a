import type { EntityManager } from '@mikro-orm/postgresql';

export interface ReferentialState {
  code: string;
  releases: { number: number; status: 'DRAFT' | 'PUBLISHED' | 'RETIRED' }[];
}

/** What the coherence report needs from the referentials subgraph: every referential and the status of its releases. */
export interface ReferentialDirectory {
  /** null when the referentials subgraph is not part of this deployment: the checks that need it are reported as pending. */
  list(em: EntityManager): Promise<ReferentialState[] | null>;
}

/** Until the referentials subgraph is merged: no data, so those checks stay pending (wire its service here then). */
export const pendingReferentialDirectory: ReferentialDirectory = { list: async () => null };
