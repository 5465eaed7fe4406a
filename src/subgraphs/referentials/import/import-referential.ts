import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordAuditWithClient } from '../../../kernel/audit/record-audit';
import { openDedicatedConnection } from '../../../kernel/database/dedicated-connection';
import { today } from '../../../kernel/graphql/scalars';
import { inSpan } from '../../../kernel/tracing/in-span';
import type { Referential } from '../referential/referential.entity';
import { recordReleaseChanges } from '../release/release-changes';
import { IN_FORCE_SQL, massRemovalRefusal } from '../release/mass-removal';
import { carryValidity, crossRowChecks, diffWithPublished, settleLevels, writeLegalReferences, writeRelease, type DiffCounts, type ReleaseWritten } from './phases/diff.phase';
import { IssueLog, type ImportIssue } from './read/import-issue';
import { rowReader } from './read/import-row';
import { detectFormat } from './read/detect-format';
import { applyLabelEndDate } from './read/label-end-date';
import { LegalReferenceTally, type LegalReferenceReport } from '../legal-reference/legal-reference-report';
import { pgRunner, withVocabularies } from '../referential/vocabulary';
import { defaultLayout, jsonLayout, NAC_LAYOUT, NATINF_LAYOUT, readMappingFile, type ColumnMapping, type ImportFormat } from './read/layouts';
import { readJson } from './read/read-json';
import { readDelimited, type ReadProgress, type SourceInfo } from './read/read-source';
import { copyRows, createStaging, stagingLine } from './phases/stage.phase';

export interface ImportOptions {
  format?: ImportFormat;
  mappingFile?: string;
  dryRun?: boolean;
  publish?: boolean;
  skipInvalid?: boolean;
  /** Confirms an import that end-dates more than MASS_REMOVAL_THRESHOLD % of the entries in force. */
  allowMassRemoval?: boolean;
  actor?: string;
  /** `user` or `application` for HTTP uploads (the principal's kind), `cli` by default. */
  actorKind?: string;
  /** Called every few thousand rows read, with the bytes of the file read so far and its size (for an ETA). */
  onProgress?: (rows: number, bytes: { read: number; total: number }) => void;
}

export interface ImportReport {
  file: string;
  referential: string;
  format: ImportFormat;
  source?: SourceInfo;
  rowsRead: number;
  invalidRows: number;
  issueCount: number;
  issues: ImportIssue[];
  diff?: DiffCounts;
  release: ReleaseWritten | null;
  outcome: 'NO_CHANGE' | 'DRY_RUN' | 'WRITTEN' | 'REFUSED';
  /** Why a valid file was refused as a whole (the issues locate problems in the file). */
  refusal?: { reason: 'MASS_REMOVAL'; message: string };
  /** How the legal-reference cells of the new versions were read (unparsed fragments by shape). */
  legalReferences?: LegalReferenceReport;
  /** Milliseconds spent in each phase (read = decode, validate and COPY, streamed together). */
  timings: Partial<Record<'read' | 'checks' | 'diff' | 'write' | 'legalReferences' | 'changeEvents' | 'analyze', number>>;
}

export class ImportRefusedError extends Error {}

/** From this many written versions on, the import refreshes the planner's statistics. */
const BULK_ROWS = 10_000;

/**
 * Imports a file into a referential in one transaction: stream → validate → COPY to staging → cross-row checks
 * → diff with the latest published release → new release (draft, or published with `publish`). Any invalid row
 * refuses the whole file unless `skipInvalid`; a crash or kill at any point rolls everything back.
 */
export async function importReferential(databaseUrl: string, referential: Referential, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const file = basename(path);
  const format = options.format ?? await detectFormat(referential.code, path);
  const mapping: ColumnMapping = options.mappingFile ? await readMappingFile(options.mappingFile)
    : format === 'natinf' ? NATINF_LAYOUT : format === 'nac' ? NAC_LAYOUT
      : (format === 'json' ? jsonLayout : defaultLayout)(referential.attributeDefinitions.map((d) => d.name));
  const usesDefaultLayout = !options.mappingFile && format === 'csv';
  const issues = new IssueLog();
  const report: ImportReport = { file, referential: referential.code, format, rowsRead: 0, invalidRows: 0, issueCount: 0, issues: issues.issues, release: null, outcome: 'REFUSED', timings: {} };
  const timed = async <T>(phase: keyof ImportReport['timings'], work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await inSpan(`import.${phase}`, {}, work);
    } finally {
      report.timings[phase] = (report.timings[phase] ?? 0) + Math.round(performance.now() - started);
    }
  };
  const client = await openDedicatedConnection(databaseUrl, `import ${referential.code}`);
  try {
    await client.query('begin');
    // Two imports of one referential: the second fails at once instead of interleaving.
    const { rows: [{ locked }] } = await client.query<{ locked: boolean }>(`select pg_try_advisory_xact_lock(hashtext('referential-import:' || $1)) as locked`, [referential.code]);
    if (!locked) throw new ImportRefusedError(`another import of ${referential.code} is running: retry when it has finished`);
    const { rowCount: drafts } = await client.query(`select 1 from referential_release where referential_code = $1 and status = 'DRAFT'`, [referential.code]);
    if (drafts) throw new ImportRefusedError(`${referential.code} has an open draft: publish or discard it before importing`);
    await createStaging(client);
    let headerBroken = false;
    const read: ReadProgress = { bytes: 0 };
    const total = (await stat(path)).size;
    const records = format === 'json' ? readJson(path, issues, read) : readDelimited(path, issues, (info) => {
      report.source = info;
      // The default layout's columns are optional but code and label; a layout or mapping file names what it needs.
      const named = usesDefaultLayout ? [mapping.code, mapping.label] : [mapping.code, mapping.label, mapping.parentCode, mapping.level, mapping.validFrom, mapping.validTo, mapping.definedBy, mapping.punishedBy, ...Object.values(mapping.attributes ?? {})];
      const missing = named.filter((c): c is string => Boolean(c) && !info.columns.includes(c!));
      for (const column of missing) issues.add({ file, line: 1, column, reason: `column "${column}" is missing from the header (found: ${info.columns.join(', ')})`, fatal: true });
      headerBroken = missing.length > 0;
    }, read, format === 'natinf' && !options.mappingFile ? 'none' : 'csv');
    // An ENUM drawn from a vocabulary (NATINF nature) accepts the terms of its latest published release.
    const attributeDefinitions = await withVocabularies(pgRunner(client), referential.attributeDefinitions, today());
    // A plain copy: assigning to the entity (or an object inheriting its accessors) would change it for later imports.
    const toRow = rowReader(path, mapping, { code: referential.code, levels: referential.levels, attributeDefinitions } as Referential, issues);
    const staged = await timed('read', () => copyRows(client, stagingText()));
    // One string of COPY text per batch read: a chain of async generators per row cost more than the validation.
    async function* stagingText(): AsyncGenerator<string> {
      for await (const batch of records) {
        let text = '';
        for (const item of batch) {
          if ('problem' in item) {
            issues.add({ file, line: item.line, reason: item.problem });
            continue;
          }
          report.rowsRead += 1;
          if (report.rowsRead % 5000 === 0) options.onProgress?.(report.rowsRead, { read: read.bytes, total });
          if (headerBroken) break; // every row would fail the same way: the header issues say it once
          const row = toRow(item);
          if (row) text += stagingLine(format === 'nac' ? applyLabelEndDate(row) : row);
        }
        if (text) yield text;
        if (headerBroken) return;
      }
      options.onProgress?.(report.rowsRead, { read: total, total });
    }
    await timed('checks', async () => {
      await crossRowChecks(client, file, issues, mapping, staged);
      await settleLevels(client, file, issues, mapping);
    });
    // A file with no data row would end-date every entry: refused, whatever the options.
    if (report.rowsRead === 0 && issues.count === 0) issues.add({ file, line: 1, reason: 'the file has no data row (a header at least, then one entry per line or element)', fatal: true });
    report.invalidRows = issues.badLines.size;
    report.issueCount = issues.count;
    if (issues.count > 0 && (!options.skipInvalid || issues.fatal)) {
      await client.query('rollback');
      return report;
    }
    if (issues.count > 0) {
      await client.query('delete from import_staging where line = any($1::int[])', [[...issues.badLines]]);
      const { rowCount } = await client.query('select 1 from import_staging limit 1');
      if (!rowCount) {
        issues.add({ file, line: 1, reason: 'no valid data row is left once the invalid ones are skipped', fatal: true });
        report.issueCount = issues.count;
        await client.query('rollback');
        return report;
      }
    }
    const day = today();
    const { rows: [{ n: previous }] } = await client.query<{ n: number | null }>(`select max(number) as n from referential_release where referential_code = $1 and status = 'PUBLISHED'`, [referential.code]);
    if (!mapping.validFrom && !mapping.validTo) await timed('diff', () => carryValidity(client, referential.code, previous ?? 0, day));
    report.diff = await timed('diff', () => diffWithPublished(client, referential.code, previous ?? 0, day));
    const { added, changed, removed } = report.diff;
    const { rows: [{ n: inForce }] } = await client.query<{ n: number }>(IN_FORCE_SQL, [referential.code, previous ?? 0, day]);
    const tooMany = options.allowMassRemoval ? null : massRemovalRefusal(referential.code, removed, inForce, options.actorKind === 'cli' || !options.actorKind ? '--allow-mass-removal' : 'allowMassRemoval=true');
    if (tooMany) {
      await client.query('rollback');
      report.refusal = { reason: 'MASS_REMOVAL', message: tooMany };
      return report;
    }
    if (options.dryRun || added + changed + removed === 0) {
      await client.query('rollback');
      report.outcome = options.dryRun ? 'DRY_RUN' : 'NO_CHANGE';
      return report;
    }
    report.release = await timed('write', () => writeRelease(client, referential.code, day, { publish: Boolean(options.publish), actor: options.actor ?? 'import', notes: `Import of ${file}` }));
    // A bulk load leaves the planner's statistics far behind until autovacuum comes by (minutes on a busy server).
    // Analysed here, before the legal references and change events read the new versions back, which old
    // statistics take for one row (the change events' lookup of previous versions once became a nested loop
    // over all of them; it is an index probe per row now, whatever the statistics). The first readers after the
    // commit get plans made for the new data too.
    const bulk = added + changed + removed >= BULK_ROWS;
    if (bulk) await timed('analyze', () => client.query('analyze referential_entry'));
    const tally = new LegalReferenceTally();
    await timed('legalReferences', () => writeLegalReferences(client, referential.code, report.release!.number, tally));
    // What the grammar left whole, by shape: what a steward asks to add to it.
    const legal = tally.report();
    if (legal.fragments) report.legalReferences = legal;
    // Published at once: its change events go into the outbox in the import's transaction (a draft emits nothing yet).
    if (options.publish) await timed('changeEvents', () => recordReleaseChanges((sql, params) => client.query(sql, params), referential.code, report.release!.number));
    // In the import's own transaction: the release and its audit entry commit together or not at all.
    await recordAuditWithClient(client, {
      actor: options.actor ?? 'import', actorKind: options.actorKind ?? 'cli', operation: 'import', target: `${referential.code}/${report.release.number}`,
      referentialCode: referential.code, arguments: { file, format: report.format, publish: Boolean(options.publish), skipInvalid: Boolean(options.skipInvalid), allowMassRemoval: Boolean(options.allowMassRemoval) },
      before: { latestPublishedRelease: previous }, after: { release: report.release, diff: report.diff },
    });
    if (bulk) await timed('analyze', () => client.query('analyze legal_reference'));
    await client.query('commit');
    report.outcome = 'WRITTEN';
    return report;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
