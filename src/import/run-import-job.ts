import { basename } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { inSpan } from '../kernel/tracing/in-span';
import { ImportJob, ImportJobStatus } from '../subgraphs/referentials/import-job/import-job.entity';
import type { Referential } from '../subgraphs/referentials/referential/referential.entity';
import { formatIssue } from './import-issue';
import { importReferential, ImportRefusedError, type ImportOptions, type ImportReport } from './import-referential';

/** Runs an import and records it as a job (RUNNING first, then its outcome), for the `importJobs` query; one span, its phases below it. */
export function runImportJob(orm: MikroORM, databaseUrl: string, referential: Referential, path: string, options: ImportOptions): Promise<{ job: ImportJob; report?: ImportReport }> {
  return inSpan('import', { 'rj.referential': referential.code, 'rj.import.file': basename(path) }, async (span) => {
    const result = await recordImportJob(orm, databaseUrl, referential, path, options);
    span.setAttributes({ 'rj.import.outcome': result.report?.outcome ?? 'none', 'rj.import.rows': result.report?.rowsRead ?? 0 });
    return result;
  });
}

async function recordImportJob(orm: MikroORM, databaseUrl: string, referential: Referential, path: string, options: ImportOptions): Promise<{ job: ImportJob; report?: ImportReport }> {
  const em = orm.em.fork();
  const job = em.create(ImportJob, { referentialCode: referential.code, file: basename(path), status: ImportJobStatus.RUNNING, actor: options.actor ?? 'import' });
  await em.flush();
  try {
    const report = await importReferential(databaseUrl, referential, path, options);
    Object.assign(job, {
      status: ImportJobStatus[report.outcome], rowsRead: report.rowsRead, invalidRows: report.invalidRows, diff: report.diff ?? null,
      errors: report.issues.map(formatIssue), errorCount: report.issueCount, releaseNumber: report.release?.number ?? null, timings: report.timings, finishedAt: new Date(),
    });
    await em.flush();
    return { job, report };
  } catch (error) {
    Object.assign(job, { status: error instanceof ImportRefusedError ? ImportJobStatus.REFUSED : ImportJobStatus.FAILED, failure: (error as Error).message, finishedAt: new Date() });
    await em.flush();
    throw error;
  }
}
