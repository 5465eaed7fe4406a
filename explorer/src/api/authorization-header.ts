/** The `Authorization` header value: a bare token gets its "Bearer " prefix. */
export const authorizationHeader = (token: string): string | undefined =>
  token.trim() ? (/^Bearer /i.test(token.trim()) ? token.trim() : `Bearer ${token.trim()}`) : undefined;
