import type { EntityManager } from '@mikro-orm/postgresql';
import { LegalReference } from '../legal-reference/legal-reference.entity';
import { cellsToRows } from '../legal-reference/legal-reference.rows';
import { LEGAL_REFERENCE_COLUMNS } from '../legal-reference/legal-reference.repository';
import { EntryMapping } from '../mapping/entry-mapping.entity';
import type { MappingKind } from '../mapping/mapping-kind.enum';
import { ReleaseService } from '../release/release.service';
import { invalid, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { Entry, type EntryView } from './entry.entity';
import { inView } from './entry-visibility';
import type { UpsertEntryInput } from './upsert-entry.input';
import { searchTextOf } from './search-text';
import { entryRules, normaliseLabel } from './entry-rules';
import { assertDraftHierarchy } from './draft-validation';
import { withVocabularies } from '../referential/vocabulary';
import { today } from '../../../kernel/graphql/scalars';

/** A version's references, copied to the version that supersedes it. */
const COPIED_COLUMNS = LEGAL_REFERENCE_COLUMNS.filter((c) => c !== 'entry_id').join(', ');

/** The managed version of a code in a view: what an edit updates or supersedes. */
const versionIn = (em: EntityManager, referentialCode: string, view: EntryView, code: string): Promise<Entry | null> =>
  em.findOne(Entry, { $and: [inView(referentialCode, view), { code }] });

/**
 * Stewards' edits of a draft. Each one claims the draft's version (a stale `expectedVersion` is a CONFLICT and
 * writes nothing) and, in the same transaction, records a new version of the entry in the draft release.
 */
export class EntryDraftService {
  constructor(private readonly em: EntityManager) {}

  upsert(referentialCode: string, expectedVersion: number, input: UpsertEntryInput): Promise<Entry> {
    return this.em.transactional(async (em) => {
      const releases = new ReleaseService(em);
      const referential = await releases.requireReferential(referentialCode);
      const draft = await releases.claimDraft(referentialCode, expectedVersion);
      const view = { release: draft.number, at: null };
      const label = normaliseLabel(input.label); // as the import reads labels, so an export re-imports unchanged
      // The import's rules, field by field (before any read: a NUL never reaches the database); the hierarchy of
      // the whole draft is checked once the entry is written.
      // Vocabulary-backed values (NATINF nature) are read from the vocabulary's latest published release.
      const attributeDefinitions = await withVocabularies((sql, params) => em.execute(sql, params), referential.attributeDefinitions, today());
      const rules = entryRules({ levels: referential.levels, attributeDefinitions });
      // What is checked is what gets recorded: one set of fields for both.
      const fields = {
        label,
        parentCode: input.parentCode ?? null,
        attributes: input.attributes ?? {},
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      };
      const check = (level: number | null) => {
        const [problem] = rules({ code: input.code, ...fields, level, legalCells: input.legalReferences ?? null });
        if (problem) throw invalid(problem.reason, problem.field === 'legalCells' ? 'input.legalReferences' : `input.${problem.field}`);
      };
      check(input.level ?? null);
      const parent = input.parentCode ? await versionIn(em, referentialCode, view, input.parentCode) : null;
      const level = input.level ?? (parent ? parent.level + 1 : 1);
      check(level);
      if (input.parentCode && !parent) throw invalid(`parent ${input.parentCode} is not in the draft of ${referentialCode}`, 'input.parentCode');
      if (parent && level !== parent.level + 1) throw invalid(`level ${level} does not follow its parent's (${parent.level})`, 'input.level');
      const current = await versionIn(em, referentialCode, view, input.code);
      const entry = await this.record(em, referentialCode, draft.number, input.code, current, { ...fields, level });
      if (input.legalReferences) {
        entry.legalCells = { definedBy: input.legalReferences.definedBy ?? null, punishedBy: input.legalReferences.punishedBy ?? null };
        await this.replaceLegalReferences(em, entry, cellsToRows(input.legalReferences));
      }
      await assertDraftHierarchy(em, referentialCode, draft.number, input.code);
      return entry;
    });
  }

  /** Ends an entry's validity on a day: a new version, identical but for `validTo`. */
  endDate(referentialCode: string, expectedVersion: number, code: string, validTo: string): Promise<Entry> {
    return this.em.transactional(async (em) => {
      const draft = await new ReleaseService(em).claimDraft(referentialCode, expectedVersion);
      const current = await versionIn(em, referentialCode, { release: draft.number, at: null }, code);
      if (!current) throw new ReferentialsException(`${referentialCode} has no entry ${code}`, Code.ENTRY_NOT_FOUND, 'code');
      if (current.validFrom && validTo <= current.validFrom) throw invalid(`validTo (${validTo}) must come after validFrom (${current.validFrom})`, 'validTo');
      return this.record(em, referentialCode, draft.number, code, current, { ...current, validTo });
    });
  }

  addMapping(
    referentialCode: string,
    expectedVersion: number,
    fromCode: string,
    kind: MappingKind,
    toReferential: string,
    toCode: string,
  ): Promise<EntryMapping> {
    return this.em.transactional(async (em) => {
      const releases = new ReleaseService(em);
      const draft = await releases.claimDraft(referentialCode, expectedVersion);
      const target = await releases.readable(toReferential).catch(() => null);
      if (!(await versionIn(em, referentialCode, { release: draft.number, at: null }, fromCode)))
        throw invalid(`${referentialCode} has no entry ${fromCode}`, 'fromCode');
      const targetView = toReferential === referentialCode ? draft.number : target;
      if (targetView === null || !(await versionIn(em, toReferential, { release: targetView, at: null }, toCode))) {
        throw invalid(`${toReferential} has no entry ${toCode}`, 'toCode');
      }
      const mapping = em.create(EntryMapping, { fromReferential: referentialCode, fromCode, kind, toReferential, toCode, recordedIn: draft.number });
      await em.flush();
      return mapping;
    });
  }

  /** Writes the draft's version of an entry: updated in place if the draft already has one, else a new row that supersedes the current. */
  private async record(
    em: EntityManager,
    referentialCode: string,
    draft: number,
    code: string,
    current: Entry | null,
    state: Pick<Entry, 'label' | 'parentCode' | 'level' | 'attributes' | 'validFrom' | 'validTo'>,
  ): Promise<Entry> {
    const values = {
      label: state.label,
      parentCode: state.parentCode ?? null,
      level: state.level,
      attributes: state.attributes,
      validFrom: state.validFrom ?? null,
      validTo: state.validTo ?? null,
    };
    if (current && current.recordedIn === draft) {
      Object.assign(current, values, { searchText: searchTextOf(code, values.label) });
      await em.flush();
      return current;
    }
    const entry = em.create(Entry, {
      referentialCode,
      code,
      recordedIn: draft,
      searchText: searchTextOf(code, values.label),
      legalCells: current?.legalCells ?? null,
      ...values,
    });
    if (current) current.supersededIn = draft;
    await em.flush();
    if (current)
      await em.execute(`insert into legal_reference (entry_id, ${COPIED_COLUMNS}) select ?, ${COPIED_COLUMNS} from legal_reference where entry_id = ?`, [
        entry.id,
        current.id,
      ]);
    return entry;
  }

  private async replaceLegalReferences(em: EntityManager, entry: Entry, rows: ReturnType<typeof cellsToRows>): Promise<void> {
    await em.nativeDelete(LegalReference, { entryId: entry.id });
    for (const row of rows) em.create(LegalReference, { ...row, entryId: entry.id });
    await em.flush();
  }
}
