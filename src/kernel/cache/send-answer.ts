import type { IncomingMessage, ServerResponse } from 'node:http';
import accepts from 'accepts';
import { sendJson } from '../http/refuse-http';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The headers of an answer the response cache holds (an ETag to revalidate, never reused without asking). */
export const cachedAnswerHeaders = (key: string, state: 'HIT' | 'MISS'): Record<string, string> => ({
  etag: `"${key}"`,
  'cache-control': 'private, no-cache',
  'x-cache': state,
});

/** Apollo answers `application/graphql-response+json` to a client that prefers it; a missing or `*` Accept gets JSON. */
const answerType = (req: IncomingMessage): string => {
  const accept = req.headers.accept;
  if (accept === undefined || accept === '*/*' || accept === 'application/json') return 'application/json';
  return accepts(req).type(['application/json', GRAPHQL_RESPONSE]) === GRAPHQL_RESPONSE ? GRAPHQL_RESPONSE : 'application/json';
};

/**
 * Sends a serialised GraphQL answer outside Apollo (a cache hit, a direct answer) as Apollo would: JSON, or
 * `application/graphql-response+json` when the client prefers it, byte for byte, its newline included. Only for
 * POST requests: a GET may be a revalidation, which Apollo's path answers.
 */
export function sendSerialisedAnswer(req: IncomingMessage, res: ServerResponse, answer: string, headers: Record<string, string>): void {
  for (const name in headers) res.setHeader(name, headers[name]);
  sendJson(res, `${answer}\n`, answerType(req));
}
