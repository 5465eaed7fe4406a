import { ObjectType } from 'type-graphql';
import { AuditEntry } from '../../../kernel/audit/audit-entry.entity';
import { ConnectionType } from '../../../kernel/graphql/connection';

@ObjectType({ description: 'A page of the audit trail, newest first.' })
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}
