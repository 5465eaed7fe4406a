/** Usage queries need ARCHITECT or ADMIN: the caller's `Authorization` header, when the explorer has one. */
export async function usageQuery<T>(query: string, variables: Record<string, unknown>, authorization?: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const code = body.errors[0].extensions?.code;
    throw new Error(
      code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
        ? "L'usage observé demande le rôle ARCHITECT ou ADMIN : saisissez un jeton d'architecte."
        : body.errors[0].message,
    );
  }
  return body.data as T;
}
