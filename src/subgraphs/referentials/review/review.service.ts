import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { today } from '../../../kernel/graphql/scalars';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { recordChanges } from '../../../kernel/outbox/record-changes';
import { Referential } from '../referential/referential.entity';
import { invalid, referentialNotFound, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { Release } from '../release/release.entity';
import { ReleaseStatus } from '../release/release-status.enum';
import { ReleaseComment } from './release-comment.entity';
import { ReleaseStage, ReviewCommentKind, ReviewState } from './review-state.enum';

const MAX_COMMENT = 4_000;

export const stageOf = (release: Release): ReleaseStage =>
  release.status === ReleaseStatus.DRAFT ? (release.reviewState as unknown as ReleaseStage) : (release.status as unknown as ReleaseStage);

/** A submission or approval no longer covers the draft once the draft moved past the version it was given on. */
export const isStale = (release: Release): boolean =>
  release.status === ReleaseStatus.DRAFT &&
  ((release.reviewState === ReviewState.SUBMITTED && release.submittedVersion !== release.version) ||
    (release.reviewState === ReviewState.APPROVED && release.approvedVersion !== release.version));

/**
 * The four-eyes review of a referential's open release: submit, approve (by someone else), reject with a reason,
 * comment. Each step locks the release row, is recorded as a comment and goes on the change feed, in the
 * mutation's transaction (the audit middleware writes the audit entry in it too).
 */
export class ReviewService {
  constructor(private readonly em: EntityManager) {}

  /** The open release, locked for this transaction: two reviewers acting at once take turns. */
  private async lockDraft(referentialCode: string): Promise<Release> {
    const referential = await this.em.findOne(Referential, referentialCode);
    if (!referential) throw referentialNotFound(referentialCode);
    const draft = await this.em.findOne(
      Release,
      { referential: referentialCode, status: ReleaseStatus.DRAFT },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!draft) throw new ReferentialsException(`${referentialCode} has no draft under way`, Code.NO_DRAFT, 'referential');
    return draft;
  }

  private static checkVersion(draft: Release, referentialCode: string, expectedVersion: number): void {
    if (draft.version !== expectedVersion) {
      throw new ReferentialsException(
        `the draft of ${referentialCode} changed since you read it (version ${draft.version}, you sent ${expectedVersion}): reload it and retry`,
        Code.DRAFT_CHANGED,
        'expectedVersion',
      );
    }
  }

  private static checkEffectiveOn(effectiveOn: string | null | undefined, field = 'effectiveOn'): void {
    if (effectiveOn && effectiveOn < today())
      throw invalid(`effectiveOn ${effectiveOn} is in the past (today is ${today()}): a release cannot take effect before it is published`, field);
  }

  private async step(draft: Release, kind: ReviewCommentKind, author: string, body: string | null | undefined): Promise<void> {
    const referentialCode = draft.referential.unwrap().code;
    this.em.create(ReleaseComment, {
      release: draft,
      referentialCode,
      releaseNumber: draft.number,
      kind,
      author,
      body: body ?? null,
      draftVersion: draft.version,
    });
    await this.em.flush();
    // Its own entity type: a consumer buffering a release's entry events until the `Release` event is not disturbed.
    await recordChanges(this.em, [
      {
        type: ChangeType.CHANGED,
        domain: referentialCode,
        entityType: 'ReleaseReview',
        entityKey: String(draft.number),
        releaseNumber: draft.number,
        payload: {
          number: draft.number,
          stage: stageOf(draft),
          step: kind,
          by: author,
          note: body ?? null,
          draftVersion: draft.version,
          effectiveOn: draft.effectiveOn ?? null,
        },
      },
    ]);
  }

  submit(referentialCode: string, expectedVersion: number, actor: string, note?: string | null, effectiveOn?: string | null): Promise<Release> {
    return this.em.transactional(async (em) => {
      const self = new ReviewService(em);
      const draft = await self.lockDraft(referentialCode);
      ReviewService.checkVersion(draft, referentialCode, expectedVersion);
      if (draft.reviewState === ReviewState.APPROVED)
        throw new ReferentialsException(`release ${draft.number} of ${referentialCode} is already approved`, Code.INVALID_RELEASE_STATE, 'referential');
      ReviewService.checkEffectiveOn(effectiveOn);
      const [{ changes }] = await em.execute<{ changes: string }[]>(
        'select (select count(*) from referential_entry where referential_code = ? and recorded_in = ?) + (select count(*) from entry_mapping where from_referential = ? and recorded_in = ?) as changes',
        [referentialCode, draft.number, referentialCode, draft.number],
      );
      if (Number(changes) === 0)
        throw new ReferentialsException(
          `the draft of ${referentialCode} changes nothing: there is nothing to review`,
          Code.INVALID_RELEASE_STATE,
          'referential',
        );
      Object.assign(draft, {
        reviewState: ReviewState.SUBMITTED,
        submittedBy: actor,
        submittedAt: new Date(),
        submittedVersion: draft.version,
        approvedBy: null,
        approvedAt: null,
        approvedVersion: null,
        ...(effectiveOn !== undefined ? { effectiveOn } : {}),
      });
      await self.step(draft, ReviewCommentKind.SUBMITTED, actor, note);
      return draft;
    });
  }

  /** By a steward of the referential (checked by `@Authorized`) or an admin, never the one who submitted it. */
  approve(referentialCode: string, expectedVersion: number, principal: Principal, note?: string | null): Promise<Release> {
    return this.em.transactional(async (em) => {
      const self = new ReviewService(em);
      const draft = await self.lockDraft(referentialCode);
      if (draft.reviewState !== ReviewState.SUBMITTED) {
        throw new ReferentialsException(
          `release ${draft.number} of ${referentialCode} is ${draft.reviewState}, not SUBMITTED: only a submitted draft can be approved`,
          Code.INVALID_RELEASE_STATE,
          'referential',
        );
      }
      if (draft.submittedBy === principal.id) {
        throw new ReferentialsException(
          `${principal.id} submitted release ${draft.number} of ${referentialCode}: another steward or an admin must approve it`,
          Code.SELF_APPROVAL,
          'referential',
        );
      }
      if (draft.version !== draft.submittedVersion) {
        throw new ReferentialsException(
          `the draft of ${referentialCode} changed since it was submitted (version ${draft.version}, submitted ${draft.submittedVersion}): it must be submitted again`,
          Code.STALE_REVIEW,
          'expectedVersion',
        );
      }
      ReviewService.checkVersion(draft, referentialCode, expectedVersion);
      if (draft.effectiveOn && draft.effectiveOn < today())
        throw invalid(`its effective date ${draft.effectiveOn} has passed: reject it so that it is submitted with another date`, 'referential');
      Object.assign(draft, { reviewState: ReviewState.APPROVED, approvedBy: principal.id, approvedAt: new Date(), approvedVersion: draft.version });
      await self.step(draft, ReviewCommentKind.APPROVED, principal.id, note);
      return draft;
    });
  }

  /** Back to DRAFT, with the reason: by the reviewer, or by the requester withdrawing it. */
  reject(referentialCode: string, reason: string, actor: string): Promise<Release> {
    if (!reason.trim()) throw invalid('a rejection needs a reason', 'reason');
    if (reason.length > MAX_COMMENT) throw invalid(`the reason is longer than ${MAX_COMMENT} characters`, 'reason');
    return this.em.transactional(async (em) => {
      const self = new ReviewService(em);
      const draft = await self.lockDraft(referentialCode);
      if (draft.reviewState === ReviewState.DRAFT)
        throw new ReferentialsException(`release ${draft.number} of ${referentialCode} is not under review`, Code.INVALID_RELEASE_STATE, 'referential');
      Object.assign(draft, { reviewState: ReviewState.DRAFT, approvedBy: null, approvedAt: null, approvedVersion: null });
      await self.step(draft, ReviewCommentKind.REJECTED, actor, reason.trim());
      return draft;
    });
  }

  /** A remark on the open release, or on one of its entries. */
  comment(referentialCode: string, body: string, actor: string, entryCode?: string | null): Promise<ReleaseComment> {
    if (!body.trim()) throw invalid('a comment cannot be empty', 'body');
    if (body.length > MAX_COMMENT) throw invalid(`a comment holds ${MAX_COMMENT} characters at most`, 'body');
    return this.em.transactional(async (em) => {
      const draft = await new ReviewService(em).lockDraft(referentialCode);
      if (entryCode) {
        const [row] = await em.execute<{ n: number }[]>(
          'select 1 as n from referential_entry where referential_code = ? and code = ? and recorded_in <= ? and (superseded_in is null or superseded_in > ?) limit 1',
          [referentialCode, entryCode, draft.number, draft.number],
        );
        if (!row) throw new ReferentialsException(`the draft of ${referentialCode} has no entry ${entryCode}`, Code.ENTRY_NOT_FOUND, 'entryCode');
      }
      const comment = em.create(ReleaseComment, {
        release: draft,
        referentialCode,
        releaseNumber: draft.number,
        entryCode: entryCode ?? null,
        kind: ReviewCommentKind.COMMENT,
        author: actor,
        body: body.trim(),
        draftVersion: draft.version,
      });
      await em.flush();
      return comment;
    });
  }

  /**
   * The publication hook, run in `publishRelease`'s transaction before the draft is claimed: a referential that
   * requires approval publishes only its approved draft, exactly as approved, and not before its effective day.
   */
  async assertPublishable(referentialCode: string, expectedVersion: number, on: string = today()): Promise<void> {
    const draft = await this.lockDraft(referentialCode);
    const referential = await this.em.findOneOrFail(Referential, referentialCode);
    if (referential.requiresApproval && draft.reviewState !== ReviewState.APPROVED) {
      throw new ReferentialsException(
        `${referentialCode} requires approval: submit release ${draft.number} (submitRelease), another steward approves it, then it can be published`,
        Code.APPROVAL_REQUIRED,
        'referential',
      );
    }
    if (draft.reviewState === ReviewState.APPROVED && draft.approvedVersion !== draft.version) {
      throw new ReferentialsException(
        `the draft of ${referentialCode} changed since it was approved (version ${draft.version}, approved ${draft.approvedVersion}): it must be submitted again`,
        Code.STALE_REVIEW,
        'expectedVersion',
      );
    }
    ReviewService.checkVersion(draft, referentialCode, expectedVersion);
    if (draft.effectiveOn && draft.effectiveOn > on) {
      throw new ReferentialsException(
        `release ${draft.number} of ${referentialCode} takes effect on ${draft.effectiveOn}: the platform publishes it that day`,
        Code.RELEASE_SCHEDULED,
        'referential',
      );
    }
  }

  comments(release: Release): Promise<ReleaseComment[]> {
    return this.em.find(ReleaseComment, { release: release.id }, { orderBy: { id: 'asc' } });
  }

  /** Open releases waiting for a reviewer (submitted), optionally of some referentials. */
  pending(referentialCodes?: string[] | null): Promise<Release[]> {
    return this.em.find(
      Release,
      { status: ReleaseStatus.DRAFT, reviewState: ReviewState.SUBMITTED, ...(referentialCodes?.length ? { referential: { $in: referentialCodes } } : {}) },
      { orderBy: { submittedAt: 'asc' } },
    );
  }

  /** Approved releases that take effect on a later day: what consumers will see, and from when. */
  upcoming(referentialCode?: string | null): Promise<Release[]> {
    return this.em.find(
      Release,
      {
        status: ReleaseStatus.DRAFT,
        reviewState: ReviewState.APPROVED,
        effectiveOn: { $ne: null },
        ...(referentialCode ? { referential: referentialCode } : {}),
      },
      { orderBy: { effectiveOn: 'asc' } },
    );
  }

  async setRequiresApproval(referentialCode: string, requiresApproval: boolean): Promise<Referential> {
    const referential = await this.em.findOne(Referential, referentialCode);
    if (!referential) throw referentialNotFound(referentialCode);
    referential.requiresApproval = requiresApproval;
    await this.em.flush();
    return referential;
  }
}
