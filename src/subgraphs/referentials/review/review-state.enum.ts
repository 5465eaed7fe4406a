import { registerEnumType } from 'type-graphql';

/** Where an open release (status DRAFT) stands in the four-eyes review. */
export enum ReviewState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
}

registerEnumType(ReviewState, {
  name: 'ReviewState',
  description: 'DRAFT → SUBMITTED → APPROVED (or back to DRAFT with a reason), then the release is published.',
});

/** The whole lifecycle in one value, as reviewers and consumers speak of it. */
export enum ReleaseStage {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

registerEnumType(ReleaseStage, { name: 'ReleaseStage', description: 'DRAFT → SUBMITTED → APPROVED → PUBLISHED → RETIRED.' });

/** What a comment on a release records: a remark, or one of the review's steps with its reason. */
export enum ReviewCommentKind {
  COMMENT = 'COMMENT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(ReviewCommentKind, { name: 'ReviewCommentKind' });
