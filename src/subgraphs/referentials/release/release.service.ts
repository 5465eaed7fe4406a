import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { Referential } from '../referential/referential.entity';
import { referentialNotFound, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { recordChanges } from '../../../kernel/outbox/record-changes';
import { today } from '../../../kernel/graphql/scalars';
import { assertDraftPublishable } from '../entry/draft-validation';
import { IN_FORCE_SQL, massRemovalRefusal } from './mass-removal';
import { assertReleaseReadable, mayReadDrafts } from './draft-access';
import { ReviewService } from '../review/review.service';
import { recordReleaseChanges, viaEntityManager } from './release-changes';
import { Release } from './release.entity';
import { ReleaseStatus } from './release-status.enum';

export class ReleaseService {
  constructor(private readonly em: EntityManager) {}

  async requireReferential(code: string, field = 'referential'): Promise<Referential> {
    const referential = await this.em.findOne(Referential, code);
    if (!referential) throw referentialNotFound(code, field);
    return referential;
  }

  /** Every release, newest first; the draft only for a reader who may read it. */
  list(referentialCode: string, reader: Principal | undefined): Promise<Release[]> {
    const drafts = mayReadDrafts(reader, referentialCode) ? {} : { status: { $ne: ReleaseStatus.DRAFT } };
    return this.em.find(Release, { referential: referentialCode, ...drafts }, { orderBy: { number: 'desc' } });
  }

  latestPublished(referentialCode: string): Promise<Release | null> {
    return this.em.findOne(Release, { referential: referentialCode, status: ReleaseStatus.PUBLISHED }, { orderBy: { number: 'desc' } });
  }

  draft(referentialCode: string): Promise<Release | null> {
    return this.em.findOne(Release, { referential: referentialCode, status: ReleaseStatus.DRAFT });
  }

  async require(referentialCode: string, number: number, field = 'release'): Promise<Release> {
    const release = await this.em.findOne(Release, { referential: referentialCode, number });
    if (!release) throw new ReferentialsException(`${referentialCode} has no release ${number}`, Code.RELEASE_NOT_FOUND, field);
    return release;
  }

  /**
   * The release a read sees: the one asked for, else the latest published (null when nothing is published yet).
   * A draft only for its stewards and ADMIN (`reader`; none given: refused).
   */
  async readable(referentialCode: string, number?: number | null, reader?: Principal): Promise<number | null> {
    await this.requireReferential(referentialCode);
    if (number !== undefined && number !== null) {
      const release = await this.require(referentialCode, number);
      assertReleaseReadable(release.status, referentialCode, reader);
      return release.number;
    }
    return (await this.latestPublished(referentialCode))?.number ?? null;
  }

  createDraft(referentialCode: string, actor: string, notes?: string | null): Promise<Release> {
    return this.em.transactional(async (em) => {
      const service = new ReleaseService(em);
      await service.requireReferential(referentialCode);
      const open = await service.draft(referentialCode);
      if (open)
        throw new ReferentialsException(
          `${referentialCode} already has a draft (release ${open.number}, by ${open.createdBy})`,
          Code.DRAFT_ALREADY_OPEN,
          'referential',
        );
      const [{ next }] = await em.execute<{ next: number }[]>(
        'select coalesce(max(number), 0) + 1 as next from referential_release where referential_code = ?',
        [referentialCode],
      );
      const draft = em.create(Release, {
        referential: referentialCode,
        number: Number(next),
        status: ReleaseStatus.DRAFT,
        createdBy: actor,
        notes: notes ?? null,
      });
      await em.flush();
      return draft;
    });
  }

  /**
   * Claims the draft for one change: bumps its version only if it still is `expectedVersion` (optimistic concurrency,
   * checked and bumped in one statement, so two stewards cannot both win). Call inside the change's transaction.
   */
  async claimDraft(referentialCode: string, expectedVersion: number): Promise<Release> {
    const rows = await this.em.execute<{ id: number }[]>(
      `update referential_release set version = version + 1 where referential_code = ? and status = 'DRAFT' and version = ? returning id`,
      [referentialCode, expectedVersion],
    );
    const draft = await this.draft(referentialCode);
    if (!draft) throw new ReferentialsException(`${referentialCode} has no draft: create one first`, Code.NO_DRAFT, 'referential');
    if (rows.length === 0) {
      throw new ReferentialsException(
        `the draft of ${referentialCode} changed since you read it (version ${draft.version}, you sent ${expectedVersion}): reload it and retry`,
        Code.DRAFT_CHANGED,
        'expectedVersion',
      );
    }
    await this.em.refresh(draft);
    return draft;
  }

  publish(referentialCode: string, expectedVersion: number, actor: string, notes?: string | null, allowMassRemoval = false): Promise<Release> {
    return this.em.transactional(async (em) => {
      // Four-eyes: approved (when the referential requires it), unchanged since, and due.
      await new ReviewService(em).assertPublishable(referentialCode, expectedVersion);
      const service = new ReleaseService(em);
      const draft = await service.claimDraft(referentialCode, expectedVersion);
      const [{ changes }] = await em.execute<{ changes: string }[]>(
        'select (select count(*) from referential_entry where referential_code = ? and recorded_in = ?) + (select count(*) from entry_mapping where from_referential = ? and recorded_in = ?) as changes',
        [referentialCode, draft.number, referentialCode, draft.number],
      );
      if (Number(changes) === 0)
        throw new ReferentialsException(`the draft of ${referentialCode} changes nothing: discard it instead`, Code.INVALID_RELEASE_STATE, 'referential');
      // Held to the import's rules, so that what is published can always be imported back.
      await assertDraftPublishable(em, await service.requireReferential(referentialCode), draft.number);
      if (!allowMassRemoval) await service.assertNoMassRemoval(referentialCode, draft.number);
      Object.assign(draft, { status: ReleaseStatus.PUBLISHED, publishedAt: new Date(), publishedBy: actor, notes: notes ?? draft.notes });
      await em.flush();
      // The change feed learns of the release in the same transaction: no event without the release, nor the reverse.
      await recordReleaseChanges(viaEntityManager(em), referentialCode, draft.number);
      return draft;
    });
  }

  /** Refuses a draft that end-dates more than MASS_REMOVAL_THRESHOLD % of the entries in force in the latest published release. */
  private async assertNoMassRemoval(referentialCode: string, draft: number): Promise<void> {
    const sql = viaEntityManager(this.em);
    const base = (await this.latestPublished(referentialCode))?.number ?? 0;
    const day = today();
    // Ended by the draft: a version whose end differs from the one it supersedes, as the change feed's ENDED.
    const [{ n: ended }] = (await sql(
      `select count(*)::int as n from referential_entry e join referential_entry p
      on p.referential_code = e.referential_code and p.code = e.code and p.superseded_in = e.recorded_in
      where e.referential_code = $1 and e.recorded_in = $2 and e.valid_to is not null and e.valid_to is distinct from p.valid_to and (p.valid_to is null or p.valid_to > $3::date)`,
      [referentialCode, draft, day],
    )) as { n: number }[];
    const [{ n: inForce }] = (await sql(IN_FORCE_SQL, [referentialCode, base, day])) as { n: number }[];
    const refusal = massRemovalRefusal(referentialCode, ended, inForce, 'allowMassRemoval: true');
    if (refusal) throw new ReferentialsException(refusal, Code.MASS_REMOVAL, 'allowMassRemoval');
  }

  /** Drops the draft and everything recorded in it; published releases see no difference. */
  discard(referentialCode: string, expectedVersion: number): Promise<number> {
    return this.em.transactional(async (em) => {
      const draft = await new ReleaseService(em).claimDraft(referentialCode, expectedVersion);
      const args = [referentialCode, draft.number];
      await em.execute('delete from legal_reference where entry_id in (select id from referential_entry where referential_code = ? and recorded_in = ?)', args);
      await em.execute('delete from referential_entry where referential_code = ? and recorded_in = ?', args);
      await em.execute('update referential_entry set superseded_in = null where referential_code = ? and superseded_in = ?', args);
      await em.execute('delete from entry_mapping where from_referential = ? and recorded_in = ?', args);
      await em.removeAndFlush(draft);
      return draft.number;
    });
  }

  /** A superseded published release can be retired (still readable, flagged as no longer to be used). */
  retire(referentialCode: string, number: number): Promise<Release> {
    return this.em.transactional(async (em) => {
      const service = new ReleaseService(em);
      const release = await service.require(referentialCode, number);
      const latest = await service.latestPublished(referentialCode);
      if (release.status !== ReleaseStatus.PUBLISHED || latest?.number === number) {
        throw new ReferentialsException(
          `release ${number} of ${referentialCode} is ${release.status === ReleaseStatus.PUBLISHED ? 'the latest published' : release.status}: only a superseded published release can be retired`,
          Code.INVALID_RELEASE_STATE,
          'number',
        );
      }
      Object.assign(release, { status: ReleaseStatus.RETIRED, retiredAt: new Date() });
      await em.flush();
      await recordChanges(em, [
        {
          type: ChangeType.ENDED,
          domain: referentialCode,
          entityType: 'Release',
          entityKey: String(number),
          releaseNumber: number,
          payload: { number, status: release.status, retiredAt: release.retiredAt },
        },
      ]);
      return release;
    });
  }
}
