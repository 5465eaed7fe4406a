import type { Client } from 'pg';
import { recordAuditWithClient, type AuditRecord } from '../../../../kernel/audit/record-audit';
import { recordReleaseChanges } from '../../release/release-changes';

/** Publish: a release published at once puts its change events in the outbox, in the import's transaction (a draft emits nothing yet). */
export async function recordChangeEvents(client: Client, referential: string, release: number): Promise<void> {
  await recordReleaseChanges((sql, params) => client.query(sql, params), referential, release);
}

/** The import's audit entry, in its own transaction: the release and its audit commit together or not at all. */
export async function recordImportAudit(client: Client, record: Omit<AuditRecord, 'operation'>): Promise<void> {
  await recordAuditWithClient(client, { ...record, operation: 'import' });
}
