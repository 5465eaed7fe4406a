import pino, { type Logger } from 'pino';
import { traceLogFields } from './tracing/trace-log-fields';

/** One structured JSON logger for the whole process; pipe through `pino-pretty` to read it by eye. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'referentiel-justice' },
  // trace_id and span_id of the active span, when tracing is on.
  mixin: traceLogFields,
});

export type { Logger };
