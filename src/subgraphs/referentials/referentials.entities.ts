import { Entry } from './entry/entry.entity';
import { ImportJob } from './import-job/import-job.entity';
import { LegalReference } from './legal-reference/legal-reference.entity';
import { EntryMapping } from './mapping/entry-mapping.entity';
import { Referential } from './referential/referential.entity';
import { Release } from './release/release.entity';
import { ReleaseComment } from './review/release-comment.entity';

export const referentialsEntities = [Referential, Release, Entry, LegalReference, EntryMapping, ImportJob, ReleaseComment];
