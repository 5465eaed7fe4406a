import type { HttpServer } from '../../src/kernel/http/http-server';
import type { Untyped } from './untyped';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A server, optionally with the credentials to call it with (see `TestServer.as`). */
export type Target = Pick<HttpServer, 'url'> & { authorization?: string | Promise<string> };

/** POSTs an operation to a running server, as an application would; anonymous unless the target carries credentials. */
export async function gql<T = Untyped>(server: Target, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const authorization = await server.authorization;
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: object;
  try {
    body = JSON.parse(text) as object;
  } catch {
    body = { errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP_${response.status}` } }] };
  }
  return { status: response.status, ...body };
}
