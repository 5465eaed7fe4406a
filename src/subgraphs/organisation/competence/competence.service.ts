import type { EntityManager } from '@mikro-orm/postgresql';
import { isValidAt } from '../../../kernel/database/validity';
import { today } from '../../../kernel/graphql/scalars';
import { CourtType } from '../court/court-type.enum';
import { OrganisationException, OrganisationExceptionCode } from '../organisation.exception';
import { CompetenceIssue } from './competence-issue.entity';
import { competencesOf } from './competence.repository';
import type { CompetentCourt } from './competent-court.type';

const KIND_ORDER = Object.values(CourtType);
const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

export class CompetenceService {
  constructor(private readonly em: EntityManager) {}

  async competentCourts(inseeCode: string, at: string = today()): Promise<CompetentCourt[]> {
    if (!INSEE_CODE.test(inseeCode)) {
      throw new OrganisationException(
        `"${inseeCode}" is not an INSEE commune code (5 characters, e.g. 01001 or 2A004)`,
        OrganisationExceptionCode.INVALID_INSEE_CODE,
        'insee',
      );
    }
    // Every period of the commune at once: few rows, and an empty result tells an unknown commune apart.
    const rows = await competencesOf(this.em, inseeCode);
    if (rows.length === 0) {
      throw new OrganisationException(
        `no commune with INSEE code ${inseeCode} in the territorial competence data`,
        OrganisationExceptionCode.COMMUNE_NOT_FOUND,
        'insee',
      );
    }
    return rows
      .filter((row) => isValidAt(row, at))
      .map((row) => ({ type: row.kind, court: row.court }))
      .sort((a, b) => KIND_ORDER.indexOf(a.type) - KIND_ORDER.indexOf(b.type));
  }

  unmatchedNames(): Promise<CompetenceIssue[]> {
    return this.em.find(CompetenceIssue, {}, { orderBy: { kind: 'asc', sourceName: 'asc' } });
  }
}
