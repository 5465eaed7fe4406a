import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { entriesById } from '../entry/entry.repository';
import { legalReferencesOf } from '../legal-reference/legal-reference.repository';
import { assertReleaseReadable } from '../release/draft-access';
import { ReleaseService } from '../release/release.service';
import type { FieldChange, ReleaseDiff } from './release-diff.types';
import { readRows } from '../../../kernel/database/read-rows';

const COMPARED = ['label', 'parentCode', 'level', 'attributes', 'validFrom', 'validTo'] as const;

/** Stable JSON (sorted keys) so that equal attribute objects compare equal. */
const canonical = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

export class ReleaseDiffService {
  constructor(
    private readonly em: EntityManager,
    private readonly releases = new ReleaseService(em),
  ) {}

  /** Versions are rows: an entry unchanged between two releases is the same row in both, so only differing rows are read. */
  async diff(referentialCode: string, from: number, to: number, reader: Principal): Promise<ReleaseDiff> {
    await this.releases.requireReferential(referentialCode);
    assertReleaseReadable((await this.releases.require(referentialCode, from, 'from')).status, referentialCode, reader);
    assertReleaseReadable((await this.releases.require(referentialCode, to, 'to')).status, referentialCode, reader);
    const pairs = await readRows<{ a: string | null; b: string | null }>(
      this.em,
      `with a as (select id, code from referential_entry where referential_code = ? and recorded_in <= ? and (superseded_in is null or superseded_in > ?)),
            b as (select id, code from referential_entry where referential_code = ? and recorded_in <= ? and (superseded_in is null or superseded_in > ?))
       select a.id as a, b.id as b from a full join b on a.code = b.code where a.id is distinct from b.id order by coalesce(a.code, b.code)`,
      [referentialCode, from, from, referentialCode, to, to],
    );
    const ids = pairs.flatMap((p) => [p.a, p.b]).filter((id): id is string => id !== null);
    const entries = new Map((await entriesById(this.em, ids)).map((e) => [String(e.id), e]));
    const legal = new Map<string, string>();
    for (const ref of await legalReferencesOf(this.em, ids)) {
      legal.set(String(ref.entryId), [legal.get(String(ref.entryId)), `${ref.role}: ${ref.raw}`].filter(Boolean).join(' | '));
    }
    const result: ReleaseDiff = { referential: referentialCode, from, to, added: [], removed: [], changed: [] };
    for (const { a, b } of pairs) {
      const before = a ? { ...entries.get(String(a))!, view: { release: from, at: null } } : null;
      const after = b ? { ...entries.get(String(b))!, view: { release: to, at: null } } : null;
      if (!before && after) result.added.push(after);
      else if (before && !after) result.removed.push(before);
      else if (before && after) {
        const changes: FieldChange[] = COMPARED.map((field) => ({ field, before: canonical(before[field]), after: canonical(after[field]) })).filter(
          (c) => c.before !== c.after,
        );
        const legalBefore = legal.get(String(before.id)) ?? null;
        const legalAfter = legal.get(String(after.id)) ?? null;
        if (legalBefore !== legalAfter) changes.push({ field: 'legalReferences', before: legalBefore, after: legalAfter });
        // A new version identical in content (re-recorded) is not a change for consumers.
        if (changes.length) result.changed.push({ code: after.code, before, after, changes });
      }
    }
    return result;
  }
}
