/** The gateway's endpoint, on the same origin as the explorer. */
export const GRAPHQL_URL = '/graphql';

export interface GraphQLErrorItem {
  message: string;
  extensions?: Record<string, unknown>;
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorItem[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorItem[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  return body.data as T;
}
