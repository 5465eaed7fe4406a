import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { PROJECT_ROOT } from '../config';
import { toGraphQLError } from '../errors/to-graphql-error';
import type { GraphQLContext } from '../graphql/context';

/** The committed manifest: sha256 (hex) of each allowed operation document → its name. */
export const ALLOWLIST_FILE = join(PROJECT_ROOT, 'security', 'operation-allowlist.json');

export const operationHash = (document: string): string => createHash('sha256').update(document).digest('hex');

export function readAllowList(file = ALLOWLIST_FILE): ReadonlySet<string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { operations: Record<string, string> };
  return new Set(Object.keys(manifest.operations));
}

/**
 * Persisted operations: production applications can be held to a reviewed list of documents, either all callers
 * (`OPERATION_ALLOWLIST=enforce`) or the API keys flagged `allowListOnly`.
 */
export function operationAllowListPlugin(enforceForAll: boolean, allowed: ReadonlySet<string> = readAllowList()): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, source }) {
          if (!enforceForAll && !contextValue.principal?.allowListOnly) return;
          if (!allowed.has(operationHash(source))) throw toGraphQLError(new AuthException(AuthExceptionCode.OPERATION_NOT_ALLOWED));
        },
      };
    },
  };
}
