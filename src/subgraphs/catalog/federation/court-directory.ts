import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../../kernel/database/read-rows';

export interface CourtState {
  code: string;
  validTo: string | null;
}

/**
 * Which courts exist, read straight from the organisation subgraph's `court` table (read-only): both subgraphs
 * share one database, and a federated call from a subgraph to another would bypass the gateway for no gain.
 * This is the only place the catalog touches organisation data; when they split, this port calls `organisation`.
 */
export async function findCourts(em: EntityManager, codes: readonly string[]): Promise<Map<string, CourtState>> {
  if (codes.length === 0) return new Map();
  const rows = await readRows<{ code: string; valid_to: string | null }>(
    em,
    `select code, to_char(valid_to, 'YYYY-MM-DD') as valid_to from court where code in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify([...new Set(codes)])],
  );
  return new Map(rows.map((r) => [r.code, { code: r.code, validTo: r.valid_to }]));
}
