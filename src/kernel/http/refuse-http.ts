import type { ServerResponse } from 'node:http';
import { AuthException } from '../auth/auth.exception';
import { AppException } from '../errors/app.exception';
import {
  infrastructureFault,
  logInfrastructureFault,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  SERVICE_UNAVAILABLE_MESSAGE,
} from '../errors/infrastructure-fault';
import { logger } from '../logger';

/**
 * The platform's one error form on every HTTP route, as `/graphql` answers: `{"errors":[{"message","extensions":{"code",…}}]}`,
 * a fixed message, the code and the details that locate the fault (`field`, `reason`), nothing else.
 */
export function refuseHttp(res: ServerResponse, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.statusCode = status;
  sendJson(res, JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}

/** A JSON text as Express's `res.json` sends it, on a plain Node response (the API's chain runs outside Express). */
export function sendJson(res: ServerResponse, text: string, type = 'application/json'): void {
  res.setHeader('content-type', `${type}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** Errors of Express and its body parsers (http-errors): their status says whose fault it is. */
const clientStatusOf = (error: unknown): number | null => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
};

/**
 * Any error a route failed with, in that form and with its status: a project exception as its code says (an
 * authentication refusal without its reason, as at `/graphql`: a forged key is not told from a missing one), an
 * infrastructure fault as a retryable 503, a client's malformed request as its 4xx, anything else as a bare 500, logged.
 */
export function refuseHttpError(res: ServerResponse, error: unknown, where: string): void {
  if (error instanceof AuthException) return refuseHttp(res, error.httpStatus, error.apiCode, error.message);
  if (error instanceof AppException) {
    const { code, ...details } = error.extensions;
    return refuseHttp(res, error.httpStatus, code, error.message, details);
  }
  const fault = infrastructureFault(error);
  if (fault) {
    logInfrastructureFault(fault, error, where);
    res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    return refuseHttp(res, 503, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
  }
  const status = clientStatusOf(error);
  if (status === 404) return refuseHttp(res, 404, 'NOT_FOUND', 'Not found');
  if (status === 413) return refuseHttp(res, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large');
  if (status) return refuseHttp(res, status, 'BAD_REQUEST', 'Malformed request');
  logger.error({ err: error, where }, 'unexpected HTTP error');
  refuseHttp(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}
