import type { TestDatabase } from '../support/test-database';

/**
 * A `useTestServer` seed for suites about something else than four-eyes publication: NATINF and NAC require
 * approval in the demo data; these suites publish them straight away.
 */
export const withoutApproval =
  (...codes: string[]) =>
  async (db: TestDatabase): Promise<void> => {
    await db.orm.em.fork().execute('update referential set requires_approval = false where code = any(?::text[])', [`{${codes.join(',')}}`]);
  };
