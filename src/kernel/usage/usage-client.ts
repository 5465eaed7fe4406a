import type { Principal } from '../auth/principal';

/** Who is counted: an API key's application, else the key; a person by their subject; anonymous callers together. */
export interface UsageClient {
  client: string;
  application: string | null;
}

const ANONYMOUS_CLIENT: UsageClient = Object.freeze({ client: 'anonymous', application: null });

/** Application codes are upper case without a colon, so `user:` and `key:` never collide with them. */
export function usageClientOf(principal: Principal): UsageClient {
  if (principal.kind === 'anonymous') return ANONYMOUS_CLIENT;
  if (principal.kind === 'user') return { client: `user:${principal.id}`, application: null };
  if (principal.application) return { client: principal.application, application: principal.application };
  return { client: principal.id.startsWith('key:') ? principal.id : `key:${principal.id}`, application: null };
}
