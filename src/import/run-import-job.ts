import { basename } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ImportJob, ImportJobStatus } from '../subgraphs/referentials/import-job/import-job.entity';
import type { Referential } from '../subgraphs/referentials/referential/referential.entity';
import { formatIssue } from './import-issue';
import { importReferential, ImportRefusedError, type ImportOptions, type ImportReport } from './import-referential';

/** Runs an import and records it as a job (RUNNING first, then its outcome), for the `importJobs` query. */
export async function runImportJob(orm: MikroORM, databaseUrl: string, referential: Referential, path: string, options: ImportOptions): Promise<{ job: ImportJob; report?: ImportReport }> {
  const em = orm.em.fork();
  // Four-eyes: such a referential's file becomes a draft to submit, never a release published straight away.
  const refusal = options.publish && !options.dryRun && referential.requiresApproval
    ? `${referential.code} requires approval: import the file without publish (it becomes a draft), submit the draft for review, and publish it once another steward approved it` : null;
  const job = em.create(ImportJob, { referentialCode: referential.code, file: basename(path), status: ImportJobStatus.RUNNING, actor: options.actor ?? 'import' });
  await em.flush();
  try {
    if (refusal) throw new ImportRefusedError(refusal);
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
