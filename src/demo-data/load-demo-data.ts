import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../kernel/logger';
import { Application } from '../subgraphs/catalog/application/application.entity';
import { Court } from '../subgraphs/organisation/court/court.entity';
import { loadSrjExtract } from '../subgraphs/organisation/srj-extract-load/load-srj-extract';
import { importReferential } from '../subgraphs/referentials/import/import-referential';
import { NAC_DEFINITION, NATINF_DEFINITION } from '../subgraphs/referentials/demo-data/referential-definitions';
import { Referential } from '../subgraphs/referentials/referential/referential.entity';
import { loadLandscape } from './load-landscape';
import { ensureNatinfNatures } from '../subgraphs/referentials/import/natinf-natures';

/** Fills an empty database with the shared reference data, so a first start answers real queries at once. */
export async function loadDemoDataIfEmpty(orm: MikroORM, dataDir: string): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Court, {})) === 0) await loadSrj(em, dataDir);
  if ((await em.count(Referential, {})) === 0 && existsSync(dataDir)) await loadReferentials(orm, em, dataDir);
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
  const report = await loadSrjExtract(em, dataDir);
  logger.info(
    {
      courts: report.courts,
      competences: report.competences,
      sites: report.sites,
      skippedAdministrativeSites: report.skippedAdministrativeSites,
      ms: Date.now() - started,
    },
    'SRJ courts, territorial competence and court sites loaded',
  );
  for (const issue of report.siteIssues)
    logger.warn({ kind: issue.kind, name: issue.sourceName, reason: issue.reason }, 'directory site not matched to a court (see the competenceIssues query)');
  for (const issue of report.unmatched) {
    logger.warn(
      { kind: issue.kind, name: issue.sourceName, communes: issue.communeCount, reason: issue.reason },
      'court name not matched (see the competenceIssues query)',
    );
  }
}

/** NAC and NATINF go through the import pipeline itself, so demo data and later imports store exactly the same thing. */
async function loadReferentials(orm: MikroORM, em: EntityManager, dataDir: string): Promise<void> {
  await ensureNatinfNatures(em, orm.config.get('clientUrl')!);
  for (const [definition, file] of [
    [NAC_DEFINITION, 'nac.csv'],
    [NATINF_DEFINITION, 'natinf-sample.csv'],
  ] as const) {
    const referential = em.create(Referential, definition);
    await em.flush();
    const report = await importReferential(orm.config.get('clientUrl')!, referential, join(dataDir, file), { publish: true, actor: 'demo-data' });
    if (report.outcome !== 'WRITTEN') logger.warn({ referential: definition.code, issues: report.issues.slice(0, 5) }, `${file} was not loaded`);
    else logger.info({ referential: definition.code, entries: report.diff?.added, release: report.release?.number }, `${file} loaded`);
  }
}
