import { Entry } from './entry/entry.entity';
import { LegalReference } from './legal-reference/legal-reference.entity';
import { EntryMapping } from './mapping/entry-mapping.entity';
import { Referential } from './referential/referential.entity';
import { Release } from './release/release.entity';

export const referentialsEntities = [Referential, Release, Entry, LegalReference, EntryMapping];
