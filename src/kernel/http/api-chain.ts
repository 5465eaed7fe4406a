import type { IncomingMessage, ServerResponse } from 'node:http';
import typeis from 'type-is';
import type { Principal } from '../auth/principal';

/**
 * `/graphql` runs on Node's own request and response, not Express's: Express re-prototypes both per request, which
 * turns every property read on them megamorphic (nearly half of a court by code's CPU). Express still serves the
 * other routes; Apollo ends the chain through `apollo-handler.ts`.
 */
export type ApiRequest = IncomingMessage & { body?: unknown; principal?: Principal };
/** `locals` as Express keeps it: the request's cache slot, read again by the GraphQL context. */
export type ApiResponse = ServerResponse & { locals: Record<string, unknown> };
export type Next = (error?: unknown) => void;
export type ApiHandler = (req: ApiRequest, res: ApiResponse, next: Next) => unknown;

/** Handlers run one after the other as one: an error (thrown, rejected or passed on) goes to `next(error)`. */
export const inSequence =
  (...handlers: ApiHandler[]): ApiHandler =>
  (req, res, next) => {
    // Where Express would have made it: the same object for the whole chain and Apollo's context.
    res.locals ??= Object.create(null) as Record<string, unknown>;
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const done: unknown = handler(req, res, step);
        if (done instanceof Promise) done.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };

/** The client's address as Express's `req.ip` gives it with no proxy trusted (the platform trusts none). */
export const clientIp = (req: IncomingMessage & { ip?: string }): string | undefined => req.ip ?? req.socket.remoteAddress;

/** Express's `req.is('application/json')`: a body, declared JSON. */
export const hasJsonBody = (req: IncomingMessage): boolean => Boolean(typeis(req, ['application/json']));
