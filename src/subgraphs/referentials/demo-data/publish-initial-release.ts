import type { EntityManager } from '@mikro-orm/postgresql';
import { searchTextOf } from '../entry/entry-draft.service';
import { cellsToRows } from '../legal-reference/legal-reference.rows';
import { Referential } from '../referential/referential.entity';
import { Release } from '../release/release.entity';
import { ReleaseStatus } from '../release/release-status.enum';

export interface InitialEntry {
  code: string;
  label: string;
  parentCode?: string | null;
  level?: number;
  attributes?: Record<string, unknown>;
  legal?: { definedBy?: string; punishedBy?: string };
}

const CHUNK = 10_000;

/** Creates a referential with a first published release holding `entries`, in one transaction. */
export async function publishInitialRelease(em: EntityManager, referential: Omit<Referential, 'createdAt' | 'updatedAt'>, entries: InitialEntry[], actor: string): Promise<{ entries: number; legalReferences: number; unparsedCells: number }> {
  let legalReferences = 0;
  let unparsedCells = 0;
  await em.transactional(async (tx) => {
    tx.create(Referential, referential);
    tx.create(Release, { referential: referential.code, number: 1, status: ReleaseStatus.PUBLISHED, createdBy: actor, publishedBy: actor, publishedAt: new Date(), notes: 'Initial load of the shared reference file' });
    await tx.flush();
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const ids = await tx.execute<{ id: string; code: string }[]>(
        `insert into referential_entry (referential_code, code, label, parent_code, level, attributes, recorded_in, search_text)
         select ?, code, label, parent_code, level, attributes, 1, search_text
         from jsonb_to_recordset(?::jsonb) as r(code text, label text, parent_code text, level int, attributes jsonb, search_text text)
         returning id, code`,
        [referential.code, JSON.stringify(chunk.map((e) => ({
          code: e.code, label: e.label, parent_code: e.parentCode ?? null, level: e.level ?? 1, attributes: e.attributes ?? {}, search_text: searchTextOf(e.code, e.label),
        })))],
      );
      const idOf = new Map(ids.map((r) => [r.code, r.id]));
      const references = chunk.flatMap((e) => (e.legal ? cellsToRows(e.legal).map((row) => ({ ...row, entry_id: idOf.get(e.code) })) : []));
      legalReferences += references.length;
      unparsedCells += references.filter((r) => !r.parsed).length;
      if (references.length) await tx.execute(
        `insert into legal_reference (entry_id, role, position, raw, parsed, text_kind, text, code_mnemonic, text_number, text_date, article, paragraphs)
         select entry_id, role::legal_role, position, raw, parsed, "textKind"::legal_text_kind, text, "codeMnemonic", "textNumber", "textDate"::date, article, paragraphs
         from jsonb_to_recordset(?::jsonb) as r(entry_id bigint, role text, position int, raw text, parsed boolean, "textKind" text, text text,
           "codeMnemonic" text, "textNumber" text, "textDate" text, article text, paragraphs jsonb)`,
        [JSON.stringify(references)],
      );
    }
  });
  return { entries: entries.length, legalReferences, unparsedCells };
}
