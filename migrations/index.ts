import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000_organisation } from './Migration20261122000000_organisation';

/** Applied in this order on start; add each new migration here (an explicit list runs the same from `src` and `dist`). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_organisation', class: Migration20261122000000_organisation },
];
