// Cartographie: colour application → referential edges by observed use. Self-contained (its own operation).

export const OBSERVED_READERS = `query ObservedReaders($referential: ID!) {
  referentialUsage(referential: $referential) { referential readers { client application { code } declared observed requests lastSeen } }
}`;

export interface ObservedReader {
  client: string;
  application: { code: string } | null;
  declared: boolean;
  observed: boolean;
  requests: number;
  lastSeen: string | null;
}

export type EdgeUse = 'declared-and-read' | 'declared-unread' | 'read-undeclared';

/** Edge colours: read as declared (green), declared but not read in the period (grey, dashed), read undeclared (orange). */
export const EDGE_USE_STYLE: Record<EdgeUse, { color: string; dashed: boolean; label: string }> = {
  'declared-and-read': { color: '#2e7d32', dashed: false, label: 'déclaré et lu' },
  'declared-unread': { color: '#9e9e9e', dashed: true, label: 'déclaré, non lu' },
  'read-undeclared': { color: '#ef6c00', dashed: false, label: 'lu sans déclaration' },
};

/** `APP->REF` → how the edge is used, for the application readers of one referential (other clients left out). */
export function edgeUses(referential: string, readers: ObservedReader[]): Map<string, EdgeUse> {
  const uses = new Map<string, EdgeUse>();
  for (const r of readers) {
    const app = r.application?.code;
    if (!app) continue;
    uses.set(`${app}->${referential}`, r.declared ? (r.observed ? 'declared-and-read' : 'declared-unread') : 'read-undeclared');
  }
  return uses;
}

/** Edge width grows with the requests observed (log scale), 1 to 6 px. */
export const edgeWidth = (requests: number): number => Math.min(6, 1 + Math.log10(1 + requests));
