import type { EntityManager } from '@mikro-orm/postgresql';
import { readersOfCoordinates, referentialReads } from '../../../kernel/usage/usage-reader';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { daysAgo } from '../observed-usage/observed-usage.service';
import { observedStep, step, type PathsByCode } from './impact-paths';
import { ImpactNodeKind as K, type ImpactStep } from './impact.types';

/** How far back observed reads count for impact and coherence. */
export const OBSERVED_DAYS = 90;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** Clients that are not catalog applications (people, keys naming none, anonymous callers), in words. */
function othersNote(what: string, clients: Set<string>): string[] {
  return clients.size ? [`${what} was also read by ${clients.size} client(s) that are not catalog applications: ${[...clients].sort().join(', ')}`] : [];
}

/** The impact walk's observed half: applications seen reading a field or a referential in live traffic. */
export class ObservedReaders {
  constructor(private readonly em: EntityManager) {}

  async ofField(coordinate: string, walk: { applications: PathsByCode; notes: string[] }): Promise<string> {
    const wanted = coordinate.trim();
    if (!COORDINATE.test(wanted))
      throw new CatalogException(`field "${coordinate}" must be Type.field, e.g. "Court.name"`, CatalogExceptionCode.INVALID_CHANGE, 'change.field');
    const rows = await readersOfCoordinates(this.em, [wanted], daysAgo(OBSERVED_DAYS));
    const others = new Set<string>();
    for (const row of rows) {
      if (row.application)
        walk.applications.add(row.application, [
          step(K.FIELD, wanted),
          observedStep(
            K.APPLICATION,
            row.application,
            `observed reading it (${row.operation_name || 'anonymous operation'}) in the last ${OBSERVED_DAYS} days:`,
          ),
        ]);
      else others.add(row.client);
    }
    if (!rows.length) walk.notes.push(`nobody was observed reading ${wanted} in the last ${OBSERVED_DAYS} days`);
    walk.notes.push(...othersNote(wanted, others));
    return `field ${wanted}`;
  }

  async ofReferential(code: string, release: number | null, origin: ImpactStep[], walk: { applications: PathsByCode; notes: string[] }): Promise<void> {
    const rows = await referentialReads(this.em, { referential: code, release }, daysAgo(OBSERVED_DAYS));
    const others = new Set<string>();
    for (const row of rows) {
      if (row.application)
        walk.applications.add(row.application, [
          ...origin,
          observedStep(K.APPLICATION, row.application, `observed reading release ${row.release} in the last ${OBSERVED_DAYS} days:`),
        ]);
      else others.add(row.client);
    }
    walk.notes.push(...othersNote(code, others));
  }
}
