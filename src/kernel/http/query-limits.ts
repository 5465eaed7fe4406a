import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApiHandler } from './api-chain';
import { Lexer, Source, TokenKind } from 'graphql';
import type { SecurityConfig } from '../auth/security-config';
import { queryCostRule } from './query-cost';
import { refuseHttp } from './refuse-http';

/**
 * Depth, aliases, tokens and directives (graphql-armor) and cost (query-cost.ts), checked before execution. Subgraphs get a little
 * more room than the gateway: the query planner's fetches add `_entities`, `__typename` and key fields.
 */
export function queryLimits(security: SecurityConfig, role: 'gateway' | 'subgraph'): ReturnType<ApolloArmor['protect']> {
  const { maxDepth, maxCost, maxAliases, maxDirectives } = security.limits;
  const slack = role === 'subgraph' ? 2 : 1;
  const armor = new ApolloArmor({
    maxDepth: { n: maxDepth + (slack - 1) * 2, flattenFragments: true },
    // Counted by `queryCostRule` instead: armor's counts only `first`, so unpaginated lists nested in lists were free.
    costLimit: { enabled: false },
    maxAliases: { n: maxAliases * slack },
    // Counted before Apollo by `refuseTooManyTokens`: armor's own check throws where Apollo answers HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: maxDirectives },
    // Field suggestions help developers and attackers alike: off in production.
    blockFieldSuggestion: { enabled: security.production },
  }).protect();
  return { ...armor, validationRules: [...armor.validationRules, queryCostRule(maxCost * slack)] };
}

/** Whether a document has more than `max` tokens; stops lexing there (a huge document costs no more than the limit). */
export function exceedsTokens(query: string, max: number): boolean {
  // Every token is at least one character: a document no longer than the limit is within it, no lexing needed.
  if (query.length <= max) return false;
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF;) if (++count > max) return true;
  } catch {
    return false; // a syntax error: Apollo's parser reports it
  }
  return false;
}

/** The token limit, checked on the parsed JSON body before Apollo parses the document. */
export const refuseTooManyTokens = (security: SecurityConfig, role: 'gateway' | 'subgraph'): ApiHandler => {
  const max = security.limits.maxTokens * (role === 'subgraph' ? 2 : 1);
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || !exceedsTokens(query, max)) return next();
    refuseHttp(res, 400, 'GRAPHQL_PARSE_FAILED', `Syntax Error: Token limit of ${max} exceeded.`);
  };
};
