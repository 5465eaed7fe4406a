import type { Response } from 'express';
import { AppException } from '../../../kernel/errors/app.exception';
import { AuthException } from '../../../kernel/auth/auth.exception';

const STATUS: Record<string, number> = { NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/** The platform's one error form (GraphQL-shaped, as `/graphql` answers), for the plain HTTP routes. */
export function refuse(res: Response, status: number, code: string, message: string, extra: { reason?: string; field?: string } = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** A known failure as its 4xx; anything else is a 500 that says nothing of the cause. */
export function refuseError(res: Response, error: unknown): void {
  if (error instanceof AuthException) return refuse(res, error.httpStatus, error.apiCode, error.message);
  if (error instanceof AppException) return refuse(res, STATUS[error.apiCode] ?? 400, error.apiCode, error.message, { reason: error.reason, ...(error.field ? { field: error.field } : {}) });
  refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'the request failed');
}
