import { basename } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDedicatedConnection } from '../../../kernel/database/dedicated-connection';
import { inSpan } from '../../../kernel/tracing/in-span';
import { ImportJob, ImportJobStatus } from '../import-job/import-job.entity';
import type { Referential } from '../referential/referential.entity';
import { formatIssue, withoutNul } from './read/import-issue';
import { abandonDeadJobs, recordRunningJob } from './import-job-liveness';
import { importReferential, type ImportOptions, type ImportReport } from './import-referential';
import { ImportRefusedError } from '../referentials.exception';

/**
 * Runs an import and records it as a job (RUNNING first, then its outcome), for the `importJobs` query. Jobs of the
 * referential left RUNNING by a dead import are marked FAILED (ABANDONED) first.
 */
export function runImportJob(
  orm: MikroORM,
  databaseUrl: string,
  referential: Referential,
  path: string,
  options: ImportOptions,
): Promise<{ job: ImportJob; report?: ImportReport }> {
  // One span for the import, its phases below it (when tracing is on).
  return inSpan('import', { 'rj.referential': referential.code, 'rj.import.file': basename(path) }, async (span) => {
    const result = await recordImportJob(orm, databaseUrl, referential, path, options);
    span.setAttributes({ 'rj.import.outcome': result.report?.outcome ?? 'none', 'rj.import.rows': result.report?.rowsRead ?? 0 });
    return result;
  });
}

async function recordImportJob(
  orm: MikroORM,
  databaseUrl: string,
  referential: Referential,
  path: string,
  options: ImportOptions,
): Promise<{ job: ImportJob; report?: ImportReport }> {
  // Four-eyes: such a referential's file becomes a draft to submit, never a release published straight away.
  const refusal =
    options.publish && !options.dryRun && referential.requiresApproval
      ? `${referential.code} requires approval: import the file without publish (it becomes a draft), submit the draft for review, and publish it once another steward approved it`
      : null;
  await abandonDeadJobs(databaseUrl, referential.code);
  // Holds the job's liveness lock for as long as this import runs (see import-job-liveness.ts).
  const holder = await openDedicatedConnection(databaseUrl, `import job ${referential.code}`);
  try {
    const id = await recordRunningJob(holder, { referentialCode: referential.code, file: basename(path), actor: options.actor ?? 'import' });
    const em = orm.em.fork();
    const job = await em.findOneOrFail(ImportJob, id);
    try {
      if (refusal) throw new ImportRefusedError(refusal);
      const report = await importReferential(databaseUrl, referential, path, options);
      Object.assign(job, {
        status: ImportJobStatus[report.outcome],
        rowsRead: report.rowsRead,
        invalidRows: report.invalidRows,
        diff: report.diff ?? null,
        errors: report.issues.map(formatIssue),
        errorCount: report.issueCount,
        releaseNumber: report.release?.number ?? null,
        timings: report.timings,
        failure: report.refusal?.message ?? null,
        report: report.legalReferences ? { legalReferences: report.legalReferences } : null,
        finishedAt: new Date(),
      });
      await em.flush();
      return { job, report };
    } catch (error) {
      Object.assign(job, {
        status: error instanceof ImportRefusedError ? ImportJobStatus.REFUSED : ImportJobStatus.FAILED,
        failure: withoutNul((error as Error).message),
        finishedAt: new Date(),
      });
      await em.flush();
      throw error;
    }
  } finally {
    await holder.end();
  }
}
