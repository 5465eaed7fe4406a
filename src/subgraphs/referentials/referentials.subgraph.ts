import express from 'express';
import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { EntryDraftResolver } from './entry/entry-draft.resolver';
import { fileExportRouter } from './export-formats/file-export.router';
import { standardExportRouter } from './export-formats/standard-export.router';
import { importRouter } from './import/import.router';
import { entryApiRouter } from './rest/entry-api.router';
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
  cacheable: true,
  // Uploads come from stewards' tools, not through the gateway; the standard exports answer their formats of
  // `GET /exports/…` and pass the others (CSV, JSON) on.
  routes: ({ orm, authenticate }) =>
    express
      .Router()
      .use(
        standardExportRouter(orm, authenticate),
        fileExportRouter(orm, authenticate),
        entryApiRouter(orm, authenticate),
        importRouter(orm, orm.config.get('clientUrl')!, authenticate),
      ),
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [
          ReferentialResolver,
          ReleaseResolver,
          EntryResolver,
          EntryVocabularyResolver,
          EntryDraftResolver,
          ImportJobResolver,
          ReviewResolver,
          ReferentialReviewResolver,
          OffencesCitingResolver,
          LegalReferenceResolver,
        ],
        orphanedTypes: [Referential],
      },
      { Referential: resolveReferentialReference },
      // A steward reads the audit of their own referentials.
      {
        auditScope: (args) =>
          typeof args.referential === 'string'
            ? args.referential.toUpperCase()
            : typeof (args.input as { code?: unknown } | undefined)?.code === 'string'
              ? String((args.input as { code: string }).code).toUpperCase()
              : null,
      },
    ),
};
