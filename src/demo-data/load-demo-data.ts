import { existsSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../kernel/logger';
import { Court } from '../subgraphs/organisation/court/court.entity';
import { importSrj } from '../subgraphs/organisation/srj-import/import-srj';

/** Fills an empty database with the shared reference data, so a first start answers real queries at once. */
export async function loadDemoDataIfEmpty(orm: MikroORM, dataDir: string): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Court, {})) > 0) return;
  if (!existsSync(dataDir)) {
    logger.warn({ dataDir }, 'no demo data folder: starting with an empty database (set DATA_DIR)');
    return;
  }
  const started = Date.now();
  const report = await importSrj(em, dataDir);
  logger.info({ courts: report.courts, competences: report.competences, ms: Date.now() - started }, 'SRJ courts and territorial competence loaded');
  for (const issue of report.unmatched) {
    logger.warn({ kind: issue.kind, name: issue.sourceName, communes: issue.communeCount, reason: issue.reason }, 'court name not matched (see the competenceIssues query)');
  }
}
