import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { EntryDraftResolver } from './entry/entry-draft.resolver';
import { EntryResolver } from './entry/entry.resolver';
import { EntryVocabularyResolver } from './entry/entry-vocabulary.resolver';
import { ImportJobResolver } from './import-job/import-job.resolver';
import { LegalReferenceResolver } from './legal-reference/legal-reference.resolver';
import { OffencesCitingResolver } from './legal-reference/offences-citing.resolver';
import { Referential } from './referential/referential.entity';
import { resolveReferentialReference } from './referential/referential.reference';
import { ReferentialResolver } from './referential/referential.resolver';
import { ReleaseResolver } from './release/release.resolver';
import { ReferentialReviewResolver, ReviewResolver } from './review/review.resolver';

/** Versioned civil and criminal code lists (NATINF, NAC, any list a steward declares), time-aware. */
export const referentialsSubgraph: SubgraphDefinition = {
  name: 'referentials',
  defaultPort: 4102,
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [ReferentialResolver, ReleaseResolver, EntryResolver, EntryVocabularyResolver, EntryDraftResolver, ImportJobResolver, ReviewResolver, ReferentialReviewResolver, OffencesCitingResolver, LegalReferenceResolver], orphanedTypes: [Referential] },
      { Referential: resolveReferentialReference },
      // A steward reads the audit of their own referentials.
      { auditScope: (args) => (typeof args.referential === 'string' ? args.referential.toUpperCase() : typeof (args.input as { code?: unknown } | undefined)?.code === 'string' ? String((args.input as { code: string }).code).toUpperCase() : null) },
    ),
};
