import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import type { SecurityConfig } from '../auth/security-config';
import { refuseHttp } from './refuse-http';

/**
 * Depth, cost, aliases, tokens and directives (graphql-armor), checked before execution. Subgraphs get a little
 * more room than the gateway: the query planner's fetches add `_entities`, `__typename` and key fields.
 */
export function queryLimits(security: SecurityConfig, role: 'gateway' | 'subgraph'): ReturnType<ApolloArmor['protect']> {
  const { maxDepth, maxCost, maxAliases, maxDirectives } = security.limits;
  const slack = role === 'subgraph' ? 2 : 1;
  return new ApolloArmor({
    maxDepth: { n: maxDepth + (slack - 1) * 2, flattenFragments: true },
    costLimit: { maxCost: maxCost * slack },
    maxAliases: { n: maxAliases * slack },
    // Counted before Apollo by `refuseTooManyTokens`: armor's own check throws where Apollo answers HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: maxDirectives },
    // Field suggestions help developers and attackers alike: off in production.
    blockFieldSuggestion: { enabled: security.production },
  }).protect();
}

const REFUSED_BEFORE_EXECUTION = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** The token limit fails the parse with a plain error Apollo answers as HTTP 500: it is the client's fault, 400. */
export const limitsAreClientErrors: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.length && errors.every((e) => REFUSED_BEFORE_EXECUTION.has(String(e.extensions?.code)))) response.http.status = 400;
      },
    };
  },
};

/** Whether a document has more than `max` tokens; stops lexing there (a huge document costs no more than the limit). */
export function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) if (++count > max) return true;
  } catch {
    return false; // a syntax error: Apollo's parser reports it
  }
  return false;
}

/** The token limit, checked on the parsed JSON body before Apollo parses the document. */
export const refuseTooManyTokens = (security: SecurityConfig, role: 'gateway' | 'subgraph') => {
  const max = security.limits.maxTokens * (role === 'subgraph' ? 2 : 1);
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || !exceedsTokens(query, max)) return next();
    refuseHttp(res, 400, 'GRAPHQL_PARSE_FAILED', `Syntax Error: Token limit of ${max} exceeded.`);
  };
};
