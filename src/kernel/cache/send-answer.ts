import type { Request, Response } from 'express';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The headers of an answer the response cache holds (an ETag to revalidate, never reused without asking). */
export const cachedAnswerHeaders = (key: string, state: 'HIT' | 'MISS'): Record<string, string> => ({
  etag: `"${key}"`,
  'cache-control': 'private, no-cache',
  'x-cache': state,
});

/**
 * Sends a serialised GraphQL answer outside Apollo (a cache hit, a direct answer) as Apollo would: JSON, or
 * `application/graphql-response+json` when the client prefers it, byte for byte, its newline included.
 */
export function sendSerialisedAnswer(req: Request, res: Response, answer: string, headers: Record<string, string>): void {
  const type = req.accepts(['application/json', GRAPHQL_RESPONSE]) === GRAPHQL_RESPONSE ? GRAPHQL_RESPONSE : 'application/json';
  res.set({ 'content-type': `${type}; charset=utf-8`, ...headers });
  res.send(`${answer}\n`);
}
