import { basename } from 'node:path';
import { openDedicatedConnection } from '../../../kernel/database/dedicated-connection';
import { today } from '../../../kernel/graphql/scalars';
import { inSpan } from '../../../kernel/tracing/in-span';
import { LegalReferenceTally, type LegalReferenceReport } from '../legal-reference/legal-reference-report';
import { ENTRY_TABLE } from '../entry/entry-columns';
import type { Referential } from '../referential/referential.entity';
import { checkStaged, keepValidRows } from './phases/check.phase';
import { carryValidity, diffWithPublished, latestPublished, massRemoval, type DiffCounts } from './phases/diff.phase';
import { lockReferential } from './phases/lock.phase';
import { recordChangeEvents, recordImportAudit } from './phases/publish.phase';
import { stageFile } from './phases/stage.phase';
import { writeLegalReferences, writeRelease, type ReleaseWritten } from './phases/write.phase';
import { detectFormat } from './read/detect-format';
import { IssueLog, type ImportIssue } from './read/import-issue';
import { importLayout, type ImportFormat } from './read/layouts';
import type { SourceInfo } from './read/read-source';

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

/** From this many written versions on, the import refreshes the planner's statistics. */
const BULK_ROWS = 10_000;

/**
 * Imports a file into a referential in one transaction, phase by phase (phases/): lock → stage (stream, validate,
 * COPY) → check (rules across rows) → diff (with the latest published release) → write (release N, draft or
 * published) → publish (change events, audit). Any invalid row refuses the whole file unless `skipInvalid`; a crash
 * or kill at any point rolls everything back.
 */
export async function importReferential(databaseUrl: string, referential: Referential, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const file = basename(path);
  const format = options.format ?? (await detectFormat(referential.code, path));
  const mapping = await importLayout(
    format,
    referential.attributeDefinitions.map((d) => d.name),
    options.mappingFile,
  );
  const issues = new IssueLog();
  const report: ImportReport = {
    file,
    referential: referential.code,
    format,
    rowsRead: 0,
    invalidRows: 0,
    issueCount: 0,
    issues: issues.issues,
    release: null,
    outcome: 'REFUSED',
    timings: {},
  };
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
    await lockReferential(client, referential.code);
    const staged = await timed('read', () =>
      stageFile(client, referential, { path, file, format, mapping, mappingFile: Boolean(options.mappingFile) }, issues, report, options.onProgress),
    );
    await timed('checks', () => checkStaged(client, file, issues, mapping, { ...staged, rowsRead: report.rowsRead }));
    report.invalidRows = issues.badLines.size;
    const goesOn = await keepValidRows(client, file, issues, Boolean(options.skipInvalid));
    report.issueCount = issues.count;
    if (!goesOn) {
      await client.query('rollback');
      return report;
    }

    const day = today();
    const previous = await latestPublished(client, referential.code);
    if (!mapping.validFrom && !mapping.validTo) await timed('diff', () => carryValidity(client, referential.code, previous ?? 0, day));
    report.diff = await timed('diff', () => diffWithPublished(client, referential.code, previous ?? 0, day));
    const { added, changed, removed } = report.diff;
    const confirmHow = options.actorKind === 'cli' || !options.actorKind ? '--allow-mass-removal' : 'allowMassRemoval=true';
    const tooMany = options.allowMassRemoval ? null : await massRemoval(client, referential.code, previous ?? 0, day, removed, confirmHow);
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

    const release = await timed('write', () =>
      writeRelease(client, referential.code, day, { publish: Boolean(options.publish), actor: options.actor ?? 'import', notes: `Import of ${file}` }),
    );
    report.release = release;
    // A bulk load leaves the planner's statistics far behind until autovacuum comes by (minutes on a busy server).
    // Analysed here, before the legal references and change events read the new versions back, which stale
    // statistics take for one row; the first readers after the commit get plans made for the new data too.
    const bulk = added + changed + removed >= BULK_ROWS;
    if (bulk) await timed('analyze', () => client.query(`analyze ${ENTRY_TABLE}`));
    const tally = new LegalReferenceTally();
    await timed('legalReferences', () => writeLegalReferences(client, referential.code, release.number, tally));
    // What the grammar left whole, by shape: what a steward asks to add to it.
    const legal = tally.report();
    if (legal.fragments) report.legalReferences = legal;

    if (options.publish) await timed('changeEvents', () => recordChangeEvents(client, referential.code, release.number));
    await recordImportAudit(client, {
      actor: options.actor ?? 'import',
      actorKind: options.actorKind ?? 'cli',
      target: `${referential.code}/${release.number}`,
      referentialCode: referential.code,
      arguments: {
        file,
        format,
        publish: Boolean(options.publish),
        skipInvalid: Boolean(options.skipInvalid),
        allowMassRemoval: Boolean(options.allowMassRemoval),
      },
      before: { latestPublishedRelease: previous },
      after: { release, diff: report.diff },
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
