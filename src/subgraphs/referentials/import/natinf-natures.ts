import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { importReferential } from './import-referential';
import { NATINF_NATURE_DEFINITION, NATINF_NATURE_TERMS } from '../demo-data/referential-definitions';
import { Referential } from '../referential/referential.entity';

/**
 * Creates NATINF's nature vocabulary and publishes its first release, through the import like any list, when the
 * hub has none yet (NATINF validates its `nature` against it). Nothing happens when it exists.
 */
export async function ensureNatinfNatures(em: EntityManager, databaseUrl: string): Promise<void> {
  if (await em.findOne(Referential, NATINF_NATURE_DEFINITION.code)) return;
  const referential = em.create(Referential, NATINF_NATURE_DEFINITION);
  await em.flush();
  const dir = await mkdtemp(join(tmpdir(), 'rj-natures-'));
  try {
    const path = join(dir, 'natinf-natures.csv');
    await writeFile(
      path,
      ['code;label;category;class', ...NATINF_NATURE_TERMS.map((t) => `${t.code};${t.label};${t.category};${t.class ?? ''}`)].join('\n') + '\n',
    );
    const report = await importReferential(databaseUrl, referential, path, { publish: true, actor: 'demo-data' });
    if (report.outcome !== 'WRITTEN') throw new Error(`NATINF_NATURE was not loaded: ${JSON.stringify(report.issues.slice(0, 3))}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
