import type { EntityManager } from '@mikro-orm/postgresql';
import { isValidAt } from '../../../kernel/database/validity';
import { fold } from '../../../kernel/text/fold';
import { TerritorialCompetence } from '../competence/territorial-competence.entity';
import { Court } from '../court/court.entity';
import { PARENT_TYPES } from '../court/court-hierarchy';
import { OrganisationException, OrganisationExceptionCode as Code } from '../organisation.exception';
import { ChangeType, recordCourtChanges } from './court-changes';
import type { CreateCourtInput } from './create-court.input';
import type { MergeCourtsInput } from './merge-courts.input';
import type { MergeResult } from './merge-result.type';

const COURT_CODE = /^[A-Za-z0-9_]{1,64}$/;

/** Courts are created, closed and merged; each change is one transaction, validated before anything is written. */
export class CourtLifecycleService {
  constructor(private readonly em: EntityManager) {}

  createCourt(input: CreateCourtInput): Promise<Court> {
    return this.em.transactional(async (em) => {
      if (!COURT_CODE.test(input.code))
        throw new OrganisationException(`"${input.code}" is not a court code (letters, digits, _; 64 at most)`, Code.INVALID_COURT_CODE, 'input.code');
      const name = input.name.trim();
      if (!name || name.length > 255) throw new OrganisationException('name must have 1 to 255 characters', Code.INVALID_COURT_CODE, 'input.name');
      if (await em.findOne(Court, input.code))
        throw new OrganisationException(`a court with code ${input.code} already exists`, Code.COURT_ALREADY_EXISTS, 'input.code');
      const parent = input.parentCode ? await this.require(em, input.parentCode, 'input.parentCode') : null;
      const parentTypes = PARENT_TYPES[input.type];
      if (parent && !parentTypes.includes(parent.type)) {
        throw new OrganisationException(
          `a ${input.type} cannot be attached to ${parent.code}, a ${parent.type} (allowed: ${parentTypes.join(', ') || 'no parent'})`,
          Code.INVALID_PARENT,
          'input.parentCode',
        );
      }
      const shortName = input.shortName?.trim() || fold(name);
      const court = em.create(Court, {
        code: input.code,
        type: input.type,
        name,
        shortName,
        searchName: fold(`${name} ${shortName}`),
        parent,
        validFrom: input.validFrom ?? null,
      });
      await em.flush();
      await recordCourtChanges(em, [{ type: ChangeType.ADDED, court }]);
      return court;
    });
  }

  closeCourt(code: string, on: string): Promise<Court> {
    return this.em.transactional(async (em) => {
      const court = await this.require(em, code, 'code');
      this.assertOpenOn(court, on, 'on');
      court.validTo = on;
      await em.nativeUpdate(TerritorialCompetence, { court: code, $or: [{ validTo: null }, { validTo: { $gt: on } }] }, { validTo: on });
      await em.flush();
      await recordCourtChanges(em, [{ type: ChangeType.ENDED, court }]);
      return court;
    });
  }

  mergeCourts(input: MergeCourtsInput): Promise<MergeResult> {
    return this.em.transactional(async (em) => {
      const { on, targetCode } = input;
      const sourceCodes = [...new Set(input.sourceCodes)];
      if (sourceCodes.length === 0) throw new OrganisationException('name at least one court to merge', Code.INVALID_MERGE, 'input.sourceCodes');
      if (sourceCodes.includes(targetCode))
        throw new OrganisationException(`court ${targetCode} cannot be merged into itself`, Code.INVALID_MERGE, 'input.sourceCodes');
      const target = await this.require(em, targetCode, 'input.targetCode');
      this.assertOpenOn(target, on, 'input.on');
      const sources: Court[] = [];
      for (const code of sourceCodes) {
        const source = await this.require(em, code, 'input.sourceCodes');
        if (source.type !== target.type) {
          throw new OrganisationException(
            `court ${code} is a ${source.type}, the target a ${target.type}: only courts of one type merge`,
            Code.INVALID_MERGE,
            'input.sourceCodes',
          );
        }
        this.assertOpenOn(source, on, 'input.on');
        sources.push(source);
      }
      await this.assertNotBelow(em, targetCode, sourceCodes);
      const transferredCompetences = await this.transferCompetences(em, sourceCodes, targetCode, on);
      const reattached = await em.find(Court, { parent: { $in: sourceCodes }, $or: [{ validTo: null }, { validTo: { $gt: on } }] });
      for (const child of reattached) child.parent = em.getReference(Court, targetCode, { wrapped: true });
      for (const source of sources) source.validTo = on;
      await em.flush();
      await recordCourtChanges(em, [
        ...sources.map((court) => ({ type: ChangeType.ENDED, court, extra: { mergedInto: targetCode } })),
        { type: ChangeType.CHANGED, court: target, extra: { mergedFrom: sourceCodes, mergedOn: on } },
        ...reattached.map((court) => ({ type: ChangeType.CHANGED, court })),
      ]);
      return { target, closed: sources, transferredCompetences, reattachedCourts: reattached.length };
    });
  }

  /** The sources' competences in force after `on` end that day and start again, from `on`, on the target. */
  private async transferCompetences(em: EntityManager, sourceCodes: string[], targetCode: string, on: string): Promise<number> {
    const moved = await em.execute(
      `with ended as (
         update territorial_competence set valid_to = ?
         where court_code in (select jsonb_array_elements_text(?::jsonb)) and (valid_to is null or valid_to > ?) and (valid_from is null or valid_from < ?)
         returning insee_code, kind, valid_to)
       insert into territorial_competence (insee_code, kind, court_code, valid_from, valid_to)
       select distinct e.insee_code, e.kind, ?, ?::date, null::date from ended e
       where not exists (select 1 from territorial_competence t where t.insee_code = e.insee_code and t.kind = e.kind
         and t.court_code = ? and (t.valid_to is null or t.valid_to > ?))
       returning id`,
      [on, JSON.stringify(sourceCodes), on, on, targetCode, on, targetCode, on],
    );
    return moved.length;
  }

  /** A target below a source would become its own parent (its children are reattached to it): the chain would loop. */
  private async assertNotBelow(em: EntityManager, targetCode: string, sourceCodes: string[]): Promise<void> {
    const [{ above }] = await em.execute<{ above: string | null }[]>(
      `with recursive up(code, parent_code, depth) as (
         select code, parent_code, 0 from court where code = ?
         union all
         select c.code, c.parent_code, up.depth + 1 from court c join up on c.code = up.parent_code where up.depth < 64)
       select (select code from up where depth > 0 and code in (?) limit 1) as above`,
      [targetCode, sourceCodes],
    );
    if (above)
      throw new OrganisationException(
        `court ${targetCode} lies below ${above}: merged into it, ${above}'s courts would make it its own parent`,
        Code.INVALID_MERGE,
        'input.targetCode',
      );
  }

  private async require(em: EntityManager, code: string, field: string): Promise<Court> {
    const court = await em.findOne(Court, code);
    if (!court) throw new OrganisationException(`no court has code ${code}`, Code.COURT_NOT_FOUND, field);
    return court;
  }

  private assertOpenOn(court: Court, on: string, field: string): void {
    if (!isValidAt(court, on)) {
      throw new OrganisationException(
        `court ${court.code} is not in force on ${on} (valid ${court.validFrom ?? '…'} to ${court.validTo ?? '…'})`,
        Code.INVALID_PERIOD,
        field,
      );
    }
  }
}
