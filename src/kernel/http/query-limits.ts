import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { SecurityConfig } from '../auth/security-config';

/**
 * Depth, cost, aliases, tokens and directives (graphql-armor), checked before execution. Subgraphs get a little
 * more room than the gateway: the query planner's fetches add `_entities`, `__typename` and key fields.
 */
export function queryLimits(security: SecurityConfig, role: 'gateway' | 'subgraph'): ReturnType<ApolloArmor['protect']> {
  const { maxDepth, maxCost, maxAliases, maxTokens, maxDirectives } = security.limits;
  const slack = role === 'subgraph' ? 2 : 1;
  return new ApolloArmor({
    maxDepth: { n: maxDepth + (slack - 1) * 2, flattenFragments: true },
    costLimit: { maxCost: maxCost * slack },
    maxAliases: { n: maxAliases * slack },
    maxTokens: { n: maxTokens * slack },
    maxDirectives: { n: maxDirectives },
    // Field suggestions help developers and attackers alike: off in production.
    blockFieldSuggestion: { enabled: security.production },
  }).protect();
}
