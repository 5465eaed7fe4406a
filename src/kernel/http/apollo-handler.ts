import type { ServerResponse } from 'node:http';
import { parse } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import fresh from 'fresh';
import type { ApiHandler, ApiRequest, ApiResponse } from './api-chain';

/**
 * Apollo Server on Node's request and response, as `@as-integrations/express5` runs it on Express's: the same
 * request to `executeHTTPGraphQLRequest`, the same answer as its `res.send` gives (a GET revalidation of an unchanged
 * ETag gets its 304).
 */
export function apolloHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: ApiRequest, res: ApiResponse) => Promise<TContext>,
): ApiHandler {
  server.assertStarted('apolloHandler()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: parse(req.url!).search ?? '', body: req.body },
      context: () => context(req, res),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return sendComplete(req, res, response.body.string);
    // Incremental delivery: each part leaves at once, through compression too.
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as { flush?: () => void }).flush?.();
    }
    res.end();
  };
}

/** Whether the client's cached copy (If-None-Match) is still the answer: Express's `req.fresh`. */
const isFresh = (req: ApiRequest, res: ServerResponse): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  ((res.statusCode >= 200 && res.statusCode < 300) || res.statusCode === 304) &&
  fresh(req.headers, { etag: res.getHeader('etag') as string | undefined, 'last-modified': res.getHeader('last-modified') as string | undefined });

function sendComplete(req: ApiRequest, res: ServerResponse, body: string): void {
  if (isFresh(req, res)) {
    res.statusCode = 304;
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) res.removeHeader(name);
    return void res.end();
  }
  const type = res.getHeader('content-type');
  if (typeof type !== 'string') res.setHeader('content-type', 'text/html; charset=utf-8');
  else if (!/;\s*charset=/i.test(type)) res.setHeader('content-type', `${type}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
