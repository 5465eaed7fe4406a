import { GraphQLError } from 'graphql';
import { logger } from '../logger';

/** What clients see of any infrastructure fault: a retryable 503, never a host, a port or a driver's words. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable: retry shortly';
/** Seconds a client should wait before retrying (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
/** SQLSTATEs of a database that cannot serve now: connection exceptions, shutdowns, too many connections, a cancelled statement. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-4]|53300|57014|40P01)$/;
const DRIVER_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Query read timeout|timeout exceeded when trying to connect|^timeout expired$|Knex: Timeout acquiring a connection|Unable to acquire a connection|Connection ended unexpectedly|connect ECONNREFUSED/;

interface FaultLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** The kind of fault, or null when the error is not the infrastructure's (a bug, a client's mistake). */
export function infrastructureFault(error: unknown): string | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as FaultLike;
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code === SERVICE_UNAVAILABLE) return 'upstream';
    if (code && NETWORK_CODES.has(code)) return code;
    if (code && UNAVAILABLE_SQLSTATES.test(code)) return `sqlstate ${code}`;
    if (e.name === 'KnexTimeoutError' || e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return 'database connection';
    current = e.originalError ?? e.cause;
  }
  return null;
}

const LOG_EVERY_MS = 10_000;
const lastLogged = new Map<string, { at: number; suppressed: number }>();

/** One error line per kind of fault every ten seconds, with how many were not logged: an outage is not a log flood. */
export function logInfrastructureFault(kind: string, error: unknown, where: string): void {
  const now = Date.now();
  const last = lastLogged.get(kind);
  if (last && now - last.at < LOG_EVERY_MS) {
    last.suppressed += 1;
    return;
  }
  lastLogged.set(kind, { at: now, suppressed: 0 });
  logger.error(
    { fault: kind, where, suppressed: last?.suppressed ?? 0, detail: error instanceof Error ? error.message : String(error) },
    'infrastructure fault',
  );
}

/** Tests start each case with no fault logged yet. */
export const forgetLoggedFaults = (): void => lastLogged.clear();

export const serviceUnavailableError = (): GraphQLError => new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, { extensions: { code: SERVICE_UNAVAILABLE } });

/** The fault as a client-facing error when it is one (logged, rate-limited), otherwise the error itself. */
export function asServiceUnavailable(error: unknown, where: string): unknown {
  const kind = infrastructureFault(error);
  if (!kind) return error;
  logInfrastructureFault(kind, error, where);
  return serviceUnavailableError();
}
