import pino, { type Logger } from 'pino';
import { logRedactPaths } from './secrets/redacted-fields';
import { traceLogFields } from './tracing/trace-log-fields';

const options = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'referentiel-justice' },
  // trace_id and span_id of the active span, when tracing is on.
  mixin: traceLogFields,
};

/** One structured JSON logger for the whole process; pipe through `pino-pretty` to read it by eye. */
export const logger: Logger = pino({
  ...options,
  // Secrets and credentials never reach a log line (the list shared with the audit trail).
  redact: { paths: logRedactPaths(), remove: true },
});

/** The access line of one GraphQL request: these fields only, none of which can hold a secret. */
export interface AccessLine {
  operation: string | null;
  ms: number;
  /** The error codes of the answer. */
  errors?: unknown[];
  cache?: 'HIT';
  /** `direct`: answered without Apollo's pipeline (src/gateway/direct-answers/). */
  path?: 'direct';
}

/**
 * The access lines go through a logger of their own, without redaction: fast-redact walks its 65 paths (five depths
 * of each secret's name) for every line, ≈ 50 µs, a tenth of a small request's CPU; these lines hold no such field.
 */
export const accessLogger: Logger = pino(options);

export const logAccess = (line: AccessLine): void => accessLogger.info(line, 'graphql');

/** Milliseconds since `started` (`process.hrtime.bigint()`), to a tenth: the access line's `ms`. */
export const msSince = (started: bigint): number => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;

export type { Logger };
