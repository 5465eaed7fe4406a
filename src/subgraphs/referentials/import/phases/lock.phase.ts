import type { Client } from 'pg';
import { ImportRefusedError } from '../../referentials.exception';

/**
 * Lock: one import of a referential at a time (a second one is refused at once instead of interleaving), and none
 * over an open draft. The lock is the transaction's: it goes with the commit or the rollback.
 */
export async function lockReferential(client: Client, referential: string): Promise<void> {
  const {
    rows: [{ locked }],
  } = await client.query<{ locked: boolean }>(`select pg_try_advisory_xact_lock(hashtext('referential-import:' || $1)) as locked`, [referential]);
  if (!locked) throw new ImportRefusedError(`another import of ${referential} is running: retry when it has finished`);
  const { rowCount: drafts } = await client.query(`select 1 from referential_release where referential_code = $1 and status = 'DRAFT'`, [referential]);
  if (drafts) throw new ImportRefusedError(`${referential} has an open draft: publish or discard it before importing`);
}
