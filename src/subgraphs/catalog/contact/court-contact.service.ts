import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { isValidAt } from '../../../kernel/database/validity';
import { today } from '../../../kernel/graphql/scalars';
import { ApplicationService } from '../application/application.service';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { checkPeriod, checkText } from '../catalog.validation';
import { findCourts } from '../federation/court-directory';
import { CourtContact, type CourtContactNode } from './court-contact.entity';
import type { AddCourtContactInput } from './court-contact.input';
import { contactsAt } from './court-contact.repository';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class CourtContactService {
  constructor(private readonly em: EntityManager) {}

  /** Contacts of a court in force on a day, as plain rows batched over every court of the request. */
  async atCourt(courtCode: string, at: string = today()): Promise<CourtContactNode[]> {
    return (await contactsAt(this.em, courtCode)).filter((c) => isValidAt(c, at));
  }

  add(input: AddCourtContactInput): Promise<CourtContact> {
    const name = checkText(input.name, 'input.name');
    if (!EMAIL.test(input.email)) throw new CatalogException(`"${input.email}" is not an email address`, CatalogExceptionCode.INVALID_VALUE, 'input.email');
    checkPeriod(input.validFrom, input.validTo, 'input.validTo');
    return this.em.transactional(async (tx) => {
      if (!(await findCourts(tx, [input.courtCode])).has(input.courtCode)) {
        throw new CatalogException(`no court with code ${input.courtCode}`, CatalogExceptionCode.UNKNOWN_COURT, 'input.courtCode');
      }
      if (input.applicationCode) await new ApplicationService(tx).get(input.applicationCode, 'input.applicationCode');
      return recordEntityChange(
        tx,
        ChangeType.ADDED,
        CHANGE_DOMAINS.catalog,
        tx.create(CourtContact, {
          courtCode: input.courtCode,
          role: input.role,
          name,
          email: input.email,
          applicationCode: input.applicationCode ?? null,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        }),
      );
    });
  }
}
