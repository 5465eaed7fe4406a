import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { ChangesException, ChangesExceptionCode as Code } from '../changes.exception';
import { ChangeEvent } from './change-event.entity';
import type { ChangePage } from './change-page.type';

export const MAX_CHANGES_PAGE = 1000;

export interface ChangesQuery {
  since?: string | null;
  domains?: string[] | null;
  types?: ChangeType[] | null;
  first: number;
}

/** Reads the outbox after a cursor: what an application replays to resynchronise after any outage. */
export class ChangesService {
  constructor(private readonly em: EntityManager) {}

  async after({ since, domains, types, first }: ChangesQuery): Promise<ChangePage> {
    if (since != null && !/^\d{1,18}$/.test(since)) throw new ChangesException(`"${since}" is not a change cursor`, Code.INVALID_CURSOR, 'since');
    if (first < 1 || first > MAX_CHANGES_PAGE) throw new ChangesException(`first must be between 1 and ${MAX_CHANGES_PAGE}`, Code.INVALID_PAGE_SIZE, 'first');
    const where = {
      id: { $gt: since ?? '0' },
      ...(domains?.length ? { domain: { $in: domains } } : {}),
      ...(types?.length ? { type: { $in: types } } : {}),
    };
    // One more than asked, to know whether another page follows.
    const rows = await this.em.find(ChangeEvent, where, { orderBy: { id: 'asc' }, limit: first + 1 });
    const events = rows.slice(0, first);
    return { events, endCursor: events.at(-1)?.id ?? since ?? null, hasMore: rows.length > first };
  }
}
