import { DataVersion } from '../kernel/cache/data-version.entity';
import { usageEntities } from '../kernel/usage/usage-count.entity';
import { changesEntities } from './changes/changes.entities';
import { catalogEntities } from './catalog/catalog.entities';
import { exchangesEntities } from './exchanges/exchanges.entities';
import { organisationEntities } from './organisation/organisation.entities';
import { referentialsEntities } from './referentials/referentials.entities';
import { securityEntities } from './security/security.entities';

/** Every persisted class, for the ORM; each subgraph owns its tables. */
export const entities = [
  ...organisationEntities,
  ...referentialsEntities,
  ...catalogEntities,
  ...exchangesEntities,
  ...securityEntities,
  ...changesEntities,
  DataVersion,
  ...usageEntities,
];
