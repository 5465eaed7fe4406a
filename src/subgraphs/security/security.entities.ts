import { AuditEntry } from '../../kernel/audit/audit-entry.entity';
import { ApiKey } from '../../kernel/auth/api-key.entity';

export const securityEntities = [ApiKey, AuditEntry];
