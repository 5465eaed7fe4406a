import { perRequest } from '../../kernel/graphql/request-services';
import { ReleaseDiffService } from './diff/release-diff.service';
import { EntryDraftService } from './entry/entry-draft.service';
import { EntryService } from './entry/entry.service';
import { OffencesCitingService } from './legal-reference/offences-citing.service';
import { ReferentialService } from './referential/referential.service';
import { ReleaseService } from './release/release.service';
import { ReviewService } from './review/review.service';

/** The referentials services of one request, wired together: resolvers take them from here instead of constructing them. */
export const referentialsServices = perRequest(({ em }) => {
  const releases = new ReleaseService(em);
  const entries = new EntryService(em, releases);
  return {
    releases,
    entries,
    entryDrafts: new EntryDraftService(em),
    releaseDiffs: new ReleaseDiffService(em, releases),
    offencesCiting: new OffencesCitingService(em, entries),
    referentials: new ReferentialService(em),
    reviews: new ReviewService(em),
  };
});
