import type { Response } from 'express';

/** A GraphQL-shaped refusal at the HTTP layer (before Apollo): a fixed message and a code, nothing else. */
export const refuseHttp = (res: Response, status: number, code: string, message: string): void =>
  void res.status(status).json({ errors: [{ message, extensions: { code } }] });
