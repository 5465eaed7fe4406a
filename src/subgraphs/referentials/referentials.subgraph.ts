import { buildFederatedSchema } from '../../kernel/federation/build-federated-schema';
import type { SubgraphDefinition } from '../subgraph-definition';
import { EntryDraftResolver } from './entry/entry-draft.resolver';
import { EntryResolver } from './entry/entry.resolver';
import { Referential } from './referential/referential.entity';
import { resolveReferentialReference } from './referential/referential.reference';
import { ReferentialResolver } from './referential/referential.resolver';
import { ReleaseResolver } from './release/release.resolver';

/** Versioned civil and criminal code lists (NATINF, NAC, any list a steward declares), time-aware. */
export const referentialsSubgraph: SubgraphDefinition = {
  name: 'referentials',
  defaultPort: 4102,
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [ReferentialResolver, ReleaseResolver, EntryResolver, EntryDraftResolver], orphanedTypes: [Referential] },
      { Referential: resolveReferentialReference },
    ),
};
