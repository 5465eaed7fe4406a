import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../../kernel/database/read-rows';

/**
 * Which of these application codes the catalog knows, read from the catalog subgraph's `application` table
 * (read-only): both subgraphs share one database; when they split, this port calls the catalog instead.
 */
export async function knownApplicationCodes(em: EntityManager, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await readRows<{ code: string }>(em, 'select code from application where code in (select jsonb_array_elements_text(?::jsonb))', [
    JSON.stringify([...new Set(codes)]),
  ]);
  return new Set(rows.map((r) => r.code));
}
