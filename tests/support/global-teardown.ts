import { Client } from 'pg';
import { TEMPLATES, adminUrl } from './test-database';

export default async function globalTeardown(): Promise<void> {
  // Kept for the next suite of `npm run test:alone`; any later run's global set-up drops them.
  if (!process.env.TEST_TEMPLATES_REUSE) {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    for (const template of Object.values(TEMPLATES)) await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.end();
  }
  await (globalThis as { stopEmbedded?: () => Promise<void> }).stopEmbedded?.();
}
