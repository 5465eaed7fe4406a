import type { MikroORM } from '@mikro-orm/postgresql';
import { recordAudit } from '../../../kernel/audit/record-audit';
import { today } from '../../../kernel/graphql/scalars';
import { logger } from '../../../kernel/logger';
import { ReleaseService } from '../release/release.service';

/** The actor recorded on releases the platform publishes on their effective day. */
export const SCHEDULER_ACTOR = 'platform:release-scheduler';

export interface ScheduledPublication {
  referential: string;
  number: number;
  effectiveOn: string;
}

interface DueRow {
  id: number;
  referential_code: string;
  number: number;
  version: number;
  effective_on: string;
}

/**
 * Publishes every approved release whose effective day has come, one transaction each. The release row is taken
 * `FOR UPDATE SKIP LOCKED`: with several instances running the scheduler, each due release is published once,
 * by whichever takes it first; the others pass over it. A release that cannot be published (its draft changed
 * since approval) is logged and left for the stewards.
 */
export async function publishDueReleases(orm: MikroORM): Promise<ScheduledPublication[]> {
  const on = today();
  const published: ScheduledPublication[] = [];
  const failed: number[] = [0];
  for (;;) {
    let row: DueRow | undefined;
    const tried = failed.length;
    try {
      row = await orm.em.fork().transactional(async (em) => {
        const [due] = await em.execute<DueRow[]>(
          `select id, referential_code, number, version, to_char(effective_on, 'YYYY-MM-DD') as effective_on from referential_release
           where status = 'DRAFT' and review_state = 'APPROVED' and effective_on <= ? and id <> all(?::int[])
           order by effective_on, id limit 1 for update skip locked`,
          [on, `{${failed.join(',')}}`],
        );
        if (!due) return undefined;
        failed.push(due.id); // Tried once per run, whatever happens.
        await new ReleaseService(em).publish(due.referential_code, due.version, SCHEDULER_ACTOR);
        await recordAudit(em, {
          actor: SCHEDULER_ACTOR,
          actorKind: 'platform',
          operation: 'publishRelease',
          target: `${due.referential_code}/${due.number}`,
          referentialCode: due.referential_code,
          arguments: { referential: due.referential_code, number: due.number, effectiveOn: due.effective_on },
        });
        return due;
      });
    } catch (error) {
      logger.warn({ err: error }, 'a scheduled release could not be published: left for its stewards');
      if (failed.length === tried) throw error; // Not a release's fault (the database): stop this run.
      continue;
    }
    if (!row) return published;
    published.push({ referential: row.referential_code, number: row.number, effectiveOn: row.effective_on });
    logger.info({ referential: row.referential_code, release: row.number, effectiveOn: row.effective_on }, 'scheduled release published');
  }
}

/** `RELEASE_SCHEDULER=false`: this process publishes nothing on schedule (another one does). */
export const schedulerConfig = (env: NodeJS.ProcessEnv = process.env): { enabled: boolean; intervalMs: number } => ({
  enabled: env.RELEASE_SCHEDULER !== 'false',
  intervalMs: Math.max(1_000, Number(env.RELEASE_SCHEDULER_INTERVAL_MS) || 60_000),
});

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Checks for due releases at start and then every `intervalMs` (a minute by default), never two runs at once. */
export function startReleaseScheduler(orm: MikroORM, intervalMs = 60_000): RunningScheduler {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running
      .then(() => (stopped ? [] : publishDueReleases(orm)))
      .catch((error: unknown) => logger.error({ err: error }, 'release scheduler run failed'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
