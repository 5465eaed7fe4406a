import { authorizationHeader } from '../../api/authorization-header';

// Every operation of the review view (pending reviews, the diff under review, the review's steps), self-contained:
// the view needs a steward's credentials, which the other views do not send.
export const REVIEWS_FIELDS = ['pendingReviews', 'releaseDiff', 'approveRelease', 'rejectRelease', 'commentRelease'];
/** The Query fields among them: the supergraph model knows the Query root's fields only. */
export const REVIEWS_QUERY_FIELDS = ['pendingReviews', 'releaseDiff'];

export interface ReviewComment {
  kind: 'COMMENT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'PUBLISHED';
  author: string;
  body: string | null;
  entryCode: string | null;
  createdAt: string;
}

export interface PendingReview {
  referentialCode: string;
  number: number;
  version: number;
  submittedBy: string;
  submittedAt: string;
  submittedVersion: number;
  effectiveOn: string | null;
  reviewStale: boolean;
  notes: string | null;
}

export const PENDING_REVIEWS = `query PendingReviews {
  pendingReviews {
    referentialCode number version submittedBy submittedAt submittedVersion effectiveOn reviewStale notes
  }
}`;
/** The comments of the review opened only: every review's (100 × 200) would cost over the gateway's limit. */
export const REVIEW_COMMENTS = `query ReviewComments($referential: ID!) {
  referential(code: $referential) { draft { number comments { kind author body entryCode createdAt } } }
}`;
export interface ReviewComments {
  referential: { draft: { number: number; comments: ReviewComment[] } | null } | null;
}
export interface PendingReviews {
  pendingReviews: PendingReview[];
}

/** What the draft changes against the release readers see today. */
export const DIFF_UNDER_REVIEW = `query DiffUnderReview($referential: ID!, $from: Int!, $to: Int!) {
  referential(code: $referential) { latestRelease { number } }
  releaseDiff(referential: $referential, from: $from, to: $to) {
    added { code label }
    removed { code label }
    changed { code label changes { field before after } }
  }
}`;
export interface DiffUnderReview {
  releaseDiff: {
    added: { code: string; label: string }[];
    removed: { code: string; label: string }[];
    changed: { code: string; label: string; changes: { field: string; before: string | null; after: string | null }[] }[];
  };
}

export const LATEST_RELEASE = `query LatestRelease($referential: ID!) { referential(code: $referential) { latestRelease { number } } }`;
export interface LatestRelease {
  referential: { latestRelease: { number: number } | null } | null;
}

export const APPROVE = `mutation Approve($referential: ID!, $version: Int!, $note: String) { approveRelease(referential: $referential, expectedVersion: $version, note: $note) { number stage } }`;
export const REJECT = `mutation Reject($referential: ID!, $reason: String!) { rejectRelease(referential: $referential, reason: $reason) { number stage } }`;
export const COMMENT = `mutation Comment($referential: ID!, $body: String!, $entryCode: ID) { commentRelease(referential: $referential, body: $body, entryCode: $entryCode) { kind } }`;

/** `/graphql` with the steward's credentials typed into the view (kept for the browser tab only). */
export async function reviewGraphql<T>(authorization: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorizationHeader(authorization) ? { authorization: authorizationHeader(authorization) } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message}${e.extensions?.reason ? ` (${e.extensions.reason})` : ''}`).join('; '));
  return body.data as T;
}
