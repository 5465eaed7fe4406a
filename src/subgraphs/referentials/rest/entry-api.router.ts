import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Authenticate } from '../../../kernel/auth/authenticate';
import { today } from '../../../kernel/graphql/scalars';
import { refuseHttpError } from '../../../kernel/http/refuse-http';
import { EntryApiService } from './entry-api.service';
import { openApiDocument } from './openapi';

/**
 * `GET /api/referentials/{code}/entries/{entry}?date=YYYY-MM-DD|*`, for consumers without a GraphQL client, and
 * its OpenAPI document at `/api/openapi.json`. Reads as `/graphql` does: anonymous only when anonymous reads are on.
 */
export function entryApiRouter(orm: MikroORM, authenticate: Authenticate): Router {
  const router = express.Router();

  router.get('/api/openapi.json', (_req: Request, res: Response) => void res.json(openApiDocument));

  router.get('/api/referentials/:code/entries/:entry', async (req: Request, res: Response) => {
    try {
      await authenticate(req.headers);
      const date = typeof req.query.date === 'string' ? req.query.date : today();
      const answer = await new EntryApiService(orm.em.fork()).read(String(req.params.code).toUpperCase(), String(req.params.entry), date);
      const body = JSON.stringify(answer);
      // The answer is all the ETag depends on: a republication that changes nothing for this entry keeps it.
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      res.setHeader('etag', etag);
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('vary', 'authorization, x-api-key');
      if (req.headers['if-none-match']?.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, '') === etag || tag === '*')) return void res.status(304).end();
      res.type('application/json').send(body);
    } catch (error) {
      refuseHttpError(res, error, 'entry api');
    }
  });
  return router;
}
