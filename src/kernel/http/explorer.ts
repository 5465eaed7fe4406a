import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../config';
import { SERVICE_UNAVAILABLE } from '../errors/infrastructure-fault';
import { precompressed } from './precompressed';
import { refuseHttp } from './refuse-http';
import { queryPlanRouter } from './query-plan';

/** Where `vite build explorer` writes the architect's explorer. */
export const EXPLORER_DIR = join(PROJECT_ROOT, 'dist', 'explorer');

export interface ExplorerOptions {
  /** The supergraph SDL the gateway runs: the schema browser needs its join directives (owners, keys). */
  supergraphSdl: string;
}

/** The explorer's static bundle, its SPA fallback, and the served supergraph; everything local, no CDN. */
export function explorerRouter(options: ExplorerOptions): Router {
  const router = express.Router();
  router.get('/api/supergraph.graphql', compression(), (_req, res) => void res.type('text/plain').send(options.supergraphSdl));
  // The IDE's "plan" pane: the explorer is only mounted where the IDE is allowed.
  router.use('/api/query-plan', queryPlanRouter(options.supergraphSdl));
  // Hashed asset names: cache them for long; index.html must never be cached or a rebuild would not show.
  router.use('/assets', precompressed(join(EXPLORER_DIR, 'assets'), 'public, max-age=31536000, immutable'));
  router.use('/assets', express.static(join(EXPLORER_DIR, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(EXPLORER_DIR, { index: false, maxAge: 0 }));
  router.get(/.*/, (_req, res) => {
    const index = join(EXPLORER_DIR, 'index.html');
    if (!existsSync(index)) return refuseHttp(res, 503, SERVICE_UNAVAILABLE, 'The explorer is not built: run `npm run build`');
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
