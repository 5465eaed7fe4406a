import type { StoredVersion } from '../entry/entry-columns';
import type { EntityManager } from '@mikro-orm/postgresql';

/** One entry version of the exported release, with what its history note says. */
export interface StandardRow extends Omit<StoredVersion, 'legal_cells'> {
  recorded_in: number;
  /** How many earlier versions of this code older releases hold. */
  earlier_versions: number;
}

export interface MappingRow {
  id: number;
  from_code: string;
  kind: string;
  to_referential: string;
  to_code: string;
  recorded_in: number;
}

/** What a standard export describes besides its entries. */
export interface ExportHead {
  code: string;
  name: string;
  description: string | null;
  ownerBureau: string;
  levels: string[];
  release: number;
  publishedAt: string | null;
  effectiveOn: string | null;
  at: string | null;
}

const PAGE = 2_000;

/** The release's entries by code, a keyset page at a time: memory stays flat on a million entries. */
export async function* standardRows(em: EntityManager, referential: string, release: number, at: string | null): AsyncGenerator<StandardRow> {
  for (let after = ''; ;) {
    const rows = await em.execute<StandardRow[]>(
      `select e.code, e.label, e.parent_code, e.level, e.attributes, to_char(e.valid_from, 'YYYY-MM-DD') as valid_from, to_char(e.valid_to, 'YYYY-MM-DD') as valid_to,
              e.recorded_in, (select count(*)::int from referential_entry p where p.referential_code = e.referential_code and p.code = e.code and p.recorded_in < e.recorded_in) as earlier_versions
       from referential_entry e where e.referential_code = ? and e.recorded_in <= ? and (e.superseded_in is null or e.superseded_in > ?) and e.code > ?
       ${at ? 'and (e.valid_from is null or e.valid_from <= ?) and (e.valid_to is null or e.valid_to > ?)' : ''} order by e.code limit ${PAGE}`,
      [referential, release, release, after, ...(at ? [at, at] : [])],
    );
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.code;
  }
}

/** The mappings recorded up to the release, by target referential (one correspondence table each), by keyset pages. */
export async function* mappingRows(em: EntityManager, referential: string, release: number): AsyncGenerator<MappingRow> {
  for (let after = 0; ;) {
    const rows = await em.execute<MappingRow[]>(
      `select id, from_code, kind, to_referential, to_code, recorded_in from entry_mapping where from_referential = ? and recorded_in <= ? and id > ?
       order by id limit ${PAGE}`,
      [referential, release, after],
    );
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** A sentence for `skos:historyNote` and the SDMX annotation: where this version comes from and when it is in force. */
export function historyNote(row: StandardRow): string {
  const recorded =
    row.earlier_versions > 0
      ? `Version recorded in release ${row.recorded_in}, after ${row.earlier_versions} earlier version(s).`
      : `Recorded in release ${row.recorded_in}.`;
  const validity =
    row.valid_from || row.valid_to
      ? ` In force${row.valid_from ? ` from ${row.valid_from}` : ''}${row.valid_to ? ` until ${row.valid_to} (excluded)` : ''}.`
      : '';
  return recorded + validity;
}

/** Joins many small strings into ~64 KiB chunks: one stream chunk per row would cost more than writing the row. */
export async function* inChunks(parts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
