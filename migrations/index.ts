import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000_organisation } from './Migration20261122000000_organisation';
import { Migration20261122100000_catalog } from './Migration20261122100000_catalog';
import { Migration20261122100100_exchanges } from './Migration20261122100100_exchanges';
import { Migration20261122110000_referentials } from './Migration20261122110000_referentials';
import { Migration20261122120000_import_jobs } from './Migration20261122120000_import_jobs';
import { Migration20261123090000_data_version } from './Migration20261123090000_data_version';
import { Migration20261123090000_security } from './Migration20261123090000_security';
import { Migration20261123090000_change_feed } from './Migration20261123090000_change_feed';
import { Migration20261123130000_scoped_search } from './Migration20261123130000_scoped_search';
import { Migration20261123140000_import_job_timings } from './Migration20261123140000_import_job_timings';
import { Migration20261128130000_real_files } from './Migration20261128130000_real_files';
import { Migration20261128140000_observed_usage } from './Migration20261128140000_observed_usage';
import { Migration20261128150000_stewardship } from './Migration20261128150000_stewardship';
import { Migration20261128200000_entry_level_index } from './Migration20261128200000_entry_level_index';

/** Applied in this order on start; add each new migration here (an explicit list runs the same from `src` and `dist`). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_organisation', class: Migration20261122000000_organisation },
  { name: 'Migration20261122100000_catalog', class: Migration20261122100000_catalog },
  { name: 'Migration20261122100100_exchanges', class: Migration20261122100100_exchanges },
  { name: 'Migration20261122110000_referentials', class: Migration20261122110000_referentials },
  { name: 'Migration20261122120000_import_jobs', class: Migration20261122120000_import_jobs },
  { name: 'Migration20261123090000_data_version', class: Migration20261123090000_data_version },
  { name: 'Migration20261123090000_security', class: Migration20261123090000_security },
  { name: 'Migration20261123090000_change_feed', class: Migration20261123090000_change_feed },
  { name: 'Migration20261123130000_scoped_search', class: Migration20261123130000_scoped_search },
  { name: 'Migration20261123140000_import_job_timings', class: Migration20261123140000_import_job_timings },
  { name: 'Migration20261128130000_real_files', class: Migration20261128130000_real_files },
  { name: 'Migration20261128140000_observed_usage', class: Migration20261128140000_observed_usage },
  { name: 'Migration20261128150000_stewardship', class: Migration20261128150000_stewardship },
  { name: 'Migration20261128200000_entry_level_index', class: Migration20261128200000_entry_level_index },
];
