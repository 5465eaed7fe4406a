import { type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import { validAt } from '../../../kernel/database/validity';
import { escapeLike } from '../../../kernel/text/fold';
import { searchWords } from '../../../kernel/text/search-words';
import { CourtConnection } from './court-connection.type';
import { Court } from './court.entity';
import type { CourtsFilter } from './courts-filter.input';
import { loadByKey } from '../../../kernel/database/load-by-key';

export class CourtService {
  constructor(private readonly em: EntityManager) {}

  /** Batched across a request (MikroORM dataloader), so a list of references costs one query. */
  async findByCode(code: string): Promise<Court | null> {
    return loadByKey(this.em, Court, code);
  }

  async list(filter: CourtsFilter = {}, first?: number | null, after?: string | null): Promise<CourtConnection> {
    const size = pageSize(first);
    const afterCode = decodeCursor(after)?.[0];
    const where = this.where(filter);
    const rows = await this.em.find(
      Court,
      afterCode === undefined ? where : { $and: [where, { code: { $gt: String(afterCode) } }] },
      { orderBy: { code: 'asc' }, limit: size + 1 },
    );
    return toConnection(CourtConnection, rows, size, (c) => [c.code], () => this.em.count(Court, where), afterCode !== undefined);
  }

  private where(filter: CourtsFilter): FilterQuery<Court> {
    const conditions: FilterQuery<Court>[] = [];
    if (filter.type) conditions.push({ type: filter.type });
    if (filter.parentCode) conditions.push({ parent: filter.parentCode });
    const words = filter.search === undefined || filter.search === null ? [] : searchWords(filter.search, 'filter.search');
    for (const word of words) conditions.push({ searchName: { $like: `%${escapeLike(word)}%` } });
    if (filter.validAt) conditions.push(validAt(filter.validAt) as FilterQuery<Court>);
    return conditions.length ? { $and: conditions } : {};
  }
}
