import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { importReferential } from '../src/subgraphs/referentials/import/import-referential';
import { createSyntheticReferential, writeSyntheticFile } from './synthetic';

/** The list whose history grows during the run: made afresh each time, so runs compare. */
export const HISTORY_LIST = 'SYNTHHIST';
const HISTORY_ENTRIES = 200_000;

/** Drops the list left by a previous run and imports it again: one published release. */
export async function createHistoryList(url: string, em: EntityManager): Promise<void> {
  await em.execute(`delete from legal_reference where entry_id in (select id from referential_entry where referential_code = ?)`, [HISTORY_LIST]);
  await em.execute('delete from referential_entry where referential_code = ?', [HISTORY_LIST]);
  await em.execute('delete from referential where code = ?', [HISTORY_LIST]);
  const file = join(await mkdtemp(join(tmpdir(), 'rj-bench-')), 'history.csv');
  await writeSyntheticFile(file, HISTORY_ENTRIES);
  const report = await importReferential(url, await createSyntheticReferential(em, HISTORY_LIST), file, { publish: true });
  if (report.outcome !== 'WRITTEN') throw new Error(`history list: ${report.outcome}`);
}

/**
 * Publishes releases until the list has `total`, each re-versioning the same tenth of its leaves (a new label), as a
 * quarterly list would: those codes gain a version per release. Written in SQL: this builds history, it does not
 * measure the import.
 */
export async function growHistory(url: string, total: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      await client.query('begin');
      const {
        rows: [{ n }],
      } = await client.query<{ n: number }>('select coalesce(max(number), 0) + 1 as n from referential_release where referential_code = $1', [HISTORY_LIST]);
      if (n > total) {
        await client.query('rollback');
        return;
      }
      await client.query(
        `insert into referential_release (referential_code, number, status, notes, created_by, published_by, published_at)
        values ($1, $2, 'PUBLISHED', 'bench history', 'bench', 'bench', now())`,
        [HISTORY_LIST, n],
      );
      await client.query(
        `with old as (update referential_entry set superseded_in = $2 where referential_code = $1 and superseded_in is null and level = 3 and right(code, 1) = '0' returning *)
        insert into referential_entry (referential_code, recorded_in, code, label, parent_code, level, attributes, valid_from, valid_to, legal_cells, search_text)
        select referential_code, $2, code, label || ' v' || $2, parent_code, level, attributes, valid_from, valid_to, legal_cells, search_text from old`,
        [HISTORY_LIST, n],
      );
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
}
