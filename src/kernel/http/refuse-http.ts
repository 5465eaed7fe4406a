import type { Response } from 'express';

/** A GraphQL-shaped refusal at the HTTP layer (before Apollo): a fixed message, a code and the offending field if one, nothing else. */
export const refuseHttp = (res: Response, status: number, code: string, message: string, field?: string): void =>
  void res.status(status).json({ errors: [{ message, extensions: field ? { code, field } : { code } }] });
