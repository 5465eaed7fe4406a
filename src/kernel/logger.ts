import pino, { type Logger } from 'pino';
import { logRedactPaths } from './secrets/redacted-fields';
import { traceLogFields } from './tracing/trace-log-fields';

/** One structured JSON logger for the whole process; pipe through `pino-pretty` to read it by eye. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'referentiel-justice' },
  // Secrets and credentials never reach a log line (the list shared with the audit trail).
  redact: { paths: logRedactPaths(), remove: true },
  // trace_id and span_id of the active span, when tracing is on.
  mixin: traceLogFields,
});

export type { Logger };
