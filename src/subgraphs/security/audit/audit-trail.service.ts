import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry } from '../../../kernel/audit/audit-entry.entity';
import { AuthException, AuthExceptionCode } from '../../../kernel/auth/auth.exception';
import { hasRole, type Principal } from '../../../kernel/auth/principal';
import { Role } from '../../../kernel/auth/role.enum';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import { SecurityException, SecurityExceptionCode } from '../security.exception';
import { AuditEntryConnection } from './audit-entry-connection.type';
import type { AuditFilter } from './audit-filter.input';

export class AuditTrailService {
  constructor(private readonly em: EntityManager) {}

  /** ADMIN reads everything; a steward only the entries of the referentials they steward. */
  async list(principal: Principal, filter: AuditFilter = {}, first?: number | null, after?: string | null): Promise<AuditEntryConnection> {
    const size = pageSize(first);
    const afterId = decodeCursor(after)?.[0];
    if (afterId !== undefined && !Number.isSafeInteger(afterId))
      throw new SecurityException('after is not a cursor returned by this API', SecurityExceptionCode.INVALID_AUDIT_FILTER, 'after');
    const where = this.where(principal, filter);
    const rows = await this.em.find(AuditEntry, afterId === undefined ? where : { $and: [where, { id: { $lt: Number(afterId) } }] }, {
      orderBy: { id: 'desc' },
      limit: size + 1,
    });
    return toConnection(
      AuditEntryConnection,
      rows,
      size,
      (e) => [e.id],
      () => this.em.count(AuditEntry, where),
      afterId !== undefined,
    );
  }

  private where(principal: Principal, filter: AuditFilter): FilterQuery<AuditEntry> {
    const conditions: FilterQuery<AuditEntry>[] = [];
    const referential = filter.referential?.toUpperCase();
    if (!hasRole(principal, Role.ADMIN)) {
      const mine = principal.roles.includes(Role.STEWARD) ? principal.stewardOf : [];
      if (!mine.length || (referential && !mine.includes(referential))) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
      conditions.push({ referentialCode: { $in: mine } });
    }
    // Plain equality and ranges: every value is a bound parameter, none is a pattern.
    if (referential) conditions.push({ referentialCode: referential });
    if (filter.operation) conditions.push({ operation: filter.operation });
    if (filter.actor) conditions.push({ actor: filter.actor });
    if (filter.target) conditions.push({ target: filter.target });
    if (filter.since) conditions.push({ occurredAt: { $gte: filter.since } });
    if (filter.until) conditions.push({ occurredAt: { $lt: filter.until } });
    return conditions.length ? { $and: conditions } : {};
  }
}
