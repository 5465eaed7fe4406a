// Cartographie: colour application → referential edges by observed use. Self-contained (its own operations).

/** The referentials to ask about: read-undeclared ones included, which no declaration would name. */
export const USAGE_REFERENTIALS = `query UsageReferentials { referentials { code name } }`;

// One request per referential, cost 301 (300 readers): an application reader's client is its code, so `application`
// (+300) is left out, `releases` would add 300 × 50; coherenceReport (3 001) lacks "declared and read" and runs every check.
export const OBSERVED_READERS = `query ObservedReaders($referential: ID!) {
  referentialUsage(referential: $referential) { referential readers { client declared declaredMode pinnedRelease observed requests lastSeen } }
}`;

/** Query fields the colouring needs from the served supergraph: without them the control is not offered. */
export const USAGE_FIELDS = ['referentials', 'referentialUsage'];

export interface ObservedReader {
  client: string;
  declared: boolean;
  declaredMode: string | null;
  pinnedRelease: number | null;
  observed: boolean;
  requests: number;
  lastSeen: string | null;
}

export type EdgeUse = 'declared-and-read' | 'declared-unread' | 'read-undeclared';

/** Edge colours: read as declared (green), declared but not read in the period (grey, dashed), read undeclared (orange). */
export const EDGE_USE_STYLE: Record<EdgeUse, { color: string; dashed: boolean; label: string }> = {
  'declared-and-read': { color: '#2e7d32', dashed: false, label: 'déclaré et lu' },
  'declared-unread': { color: '#757575', dashed: true, label: 'déclaré, non lu' },
  'read-undeclared': { color: '#c45100', dashed: false, label: 'lu sans déclaration' },
};

export const EDGE_USES = Object.keys(EDGE_USE_STYLE) as EdgeUse[];

/** One application → referential edge, with the figures its panel and the table show. */
export interface UsageEdge {
  application: string;
  referential: string;
  use: EdgeUse;
  reader: ObservedReader;
}

/**
 * The edges of one referential's readers that are applications of the landscape (`key:…`, `user:…` and anonymous
 * clients left out). As coherenceReport says it: any declaration makes a read declared, only a READ one is unread.
 */
export function usageEdges(referential: string, readers: ObservedReader[], applications: ReadonlySet<string>): UsageEdge[] {
  const edges: UsageEdge[] = [];
  for (const reader of readers) {
    if (!applications.has(reader.client)) continue;
    const use: EdgeUse | undefined = !reader.declared
      ? 'read-undeclared'
      : reader.observed
        ? 'declared-and-read'
        : reader.declaredMode === 'READ'
          ? 'declared-unread'
          : undefined;
    if (use) edges.push({ application: reader.client, referential, use, reader });
  }
  return edges;
}

/** Edge width grows with the requests observed (log scale), 1 to 6 px. */
export const edgeWidth = (requests: number): number => Math.min(6, 1 + Math.log10(1 + requests));
