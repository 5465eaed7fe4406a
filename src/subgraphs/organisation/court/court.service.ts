import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import { CourtConnection } from './court-connection.type';
import type { CourtNode } from './court.entity';
import { CourtRepository } from './court.repository';
import type { CourtsFilter } from './courts-filter.input';

export class CourtService {
  private readonly courts: CourtRepository;

  constructor(em: EntityManager) {
    this.courts = new CourtRepository(em);
  }

  /** A court by code; its parent comes with it, in the same statement. */
  findByCode(code: string): Promise<CourtNode | null> {
    return this.courts.withParent(code);
  }

  /** A page by code; `withParents` when the query asks for them, so they cost no second statement; `columns`: see pageColumns. */
  async list(
    filter: CourtsFilter = {},
    first?: number | null,
    after?: string | null,
    withParents = false,
    columns?: readonly (keyof CourtNode)[],
  ): Promise<CourtConnection> {
    const size = pageSize(first);
    const afterKey = decodeCursor(after)?.[0];
    const afterCode = afterKey === undefined ? undefined : String(afterKey);
    const rows = await this.courts.page(filter, size + 1, afterCode, withParents, columns);
    return toConnection(
      CourtConnection,
      rows,
      size,
      (c) => [c.code],
      () => this.courts.count(filter),
      afterCode !== undefined,
    );
  }
}
