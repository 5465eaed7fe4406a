import type { EntityManager } from '@mikro-orm/postgresql';
import { NAC_DEFINITION, NATINF_DEFINITION } from '../demo-data/referential-definitions';
import { Referential } from '../referential/referential.entity';
import { ensureNatinfNatures } from './natinf-natures';

/**
 * The referential a file is imported into, or null when there is none: the two lists the ministry publishes as
 * files (NATINF, NAC) are created on their first import, NATINF with the nature vocabulary it validates against.
 */
export async function importTarget(em: EntityManager, databaseUrl: string, code: string): Promise<Referential | null> {
  let referential = await em.findOne(Referential, code);
  const builtIn = { NATINF: NATINF_DEFINITION, NAC: NAC_DEFINITION }[code];
  if (!referential && builtIn) await em.persistAndFlush((referential = em.create(Referential, builtIn)));
  if (code === 'NATINF') await ensureNatinfNatures(em, databaseUrl);
  return referential;
}
