import { Client } from 'pg';
import { openDedicatedConnection } from '../../../kernel/database/dedicated-connection';

/**
 * How a dead import is told from a running one: the job's row becomes visible in the same commit as a
 * session-level advisory lock (this key, the job's id) taken by a connection that lives as long as the import.
 * When the process dies (kill -9, crash, lost host), PostgreSQL ends its sessions and drops the lock; so a RUNNING
 * job whose lock can be taken has no import behind it. No clock or heartbeat to tune, no false positive for a slow import.
 */
const JOB_LOCK = `hashtext('referential-import-job')`;

export const ABANDONED = 'ABANDONED';

/** Records a RUNNING job on `holder`, holding its liveness lock from the moment the row is visible; keep `holder` open until the job is settled. */
export async function recordRunningJob(holder: Client, job: { referentialCode: string; file: string; actor: string }): Promise<number> {
  await holder.query('begin');
  try {
    const {
      rows: [{ id }],
    } = await holder.query<{ id: number }>(`insert into import_job (referential_code, file, status, actor) values ($1, $2, 'RUNNING', $3) returning id`, [
      job.referentialCode,
      job.file,
      job.actor,
    ]);
    await holder.query(`select pg_advisory_lock(${JOB_LOCK}, $1)`, [id]);
    await holder.query('commit');
    return id;
  } catch (error) {
    await holder.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Marks FAILED (failure "ABANDONED: …") every RUNNING job (of one referential, or all) whose import has died; returns their ids. */
export async function abandonDeadJobs(databaseUrl: string, referentialCode?: string): Promise<number[]> {
  const client = await openDedicatedConnection(databaseUrl, 'import job sweep');
  try {
    const { rows } = await client.query<{ id: number }>(
      `select id from import_job where status = 'RUNNING' and ($1::text is null or referential_code = $1) order by id`,
      [referentialCode ?? null],
    );
    const abandoned: number[] = [];
    for (const { id } of rows) {
      const {
        rows: [{ free }],
      } = await client.query<{ free: boolean }>(`select pg_try_advisory_lock(${JOB_LOCK}, $1) as free`, [id]);
      if (!free) continue; // its import is alive
      try {
        const { rowCount } = await client.query(
          `update import_job set status = 'FAILED', finished_at = now(),
          failure = '${ABANDONED}: the import stopped without finishing (its process or connection died); nothing of it was written' where id = $1 and status = 'RUNNING'`,
          [id],
        );
        if (rowCount) abandoned.push(id);
      } finally {
        await client.query(`select pg_advisory_unlock(${JOB_LOCK}, $1)`, [id]);
      }
    }
    return abandoned;
  } finally {
    await client.end();
  }
}
