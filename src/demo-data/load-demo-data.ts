import { existsSync } from 'node:fs';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../kernel/logger';
import { Application } from '../subgraphs/catalog/application/application.entity';
import { Court } from '../subgraphs/organisation/court/court.entity';
import { importSrj } from '../subgraphs/organisation/srj-import/import-srj';
import { loadNac, loadNatinf } from '../subgraphs/referentials/demo-data/load-nac-natinf';
import { Referential } from '../subgraphs/referentials/referential/referential.entity';
import { loadLandscape } from './load-landscape';

/** Fills an empty database with the shared reference data, so a first start answers real queries at once. */
export async function loadDemoDataIfEmpty(orm: MikroORM, dataDir: string): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Court, {})) === 0) await loadSrj(em, dataDir);
  if ((await em.count(Referential, {})) === 0 && existsSync(dataDir)) {
    const nac = await loadNac(em, dataDir);
    const natinf = await loadNatinf(em, dataDir);
    logger.info({ nac, natinf }, 'NAC and NATINF loaded as release 1 (unparsed legal cells are kept raw and counted)');
  }
  // After the courts, so the illustrative deployments land on real court codes.
  if ((await em.count(Application, {})) === 0) {
    const loaded = await loadLandscape(em);
    logger.info(loaded, 'illustrative IS map loaded (catalog and exchanges demo data, not authoritative)');
  }
}

async function loadSrj(em: EntityManager, dataDir: string): Promise<void> {
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
