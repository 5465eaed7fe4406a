import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Authenticate } from '../../../kernel/auth/authenticate';
import { refuseHttpError } from '../../../kernel/http/refuse-http';
import { logger } from '../../../kernel/logger';
import { referentialInPath, releaseParam } from '../import/file-route-params';
import { invalid, ReferentialsException, ReferentialsExceptionCode } from '../referentials.exception';
import { ReleaseService } from '../release/release.service';
import { exportQueryProblem } from './export-query';
import { exportReferential } from './export-referential';

/**
 * GET /exports/:referential?format=csv|json streams a release in the layout the import reads back. A read:
 * anonymous when anonymous reads are on, otherwise any authenticated principal; a draft for its stewards only.
 */
export function fileExportRouter(orm: MikroORM, authenticate: Authenticate): Router {
  const router = express.Router();
  router.get('/exports/:referential', async (req: Request, res: Response) => {
    try {
      const principal = await authenticate(req.headers);
      const code = referentialInPath(String(req.params.referential));
      const problem = exportQueryProblem(req.query);
      if (problem) throw invalid(problem.message, problem.field);
      const asked = releaseParam(req.query.release) as number | undefined; // checked just above
      const em = orm.em.fork();
      const releases = new ReleaseService(em);
      const referential = await releases.requireReferential(code);
      const release = await releases.readable(referential.code, asked, principal);
      if (release === null)
        throw new ReferentialsException(`${referential.code} has no published release`, ReferentialsExceptionCode.RELEASE_NOT_FOUND, 'release');
      const format = req.query.format === 'json' ? 'json' : 'csv';
      const at = typeof req.query.at === 'string' ? req.query.at : null;
      // The first rows are read before any header goes out: a database refusal is still an answer.
      const body = await exportReferential(em, referential, { release, at, format });
      res.type(format === 'json' ? 'application/json' : `text/csv; charset=${referential.code === 'NATINF' ? 'iso-8859-1' : 'utf-8'}`);
      res.setHeader('content-disposition', `attachment; filename="${referential.code}-${release}${at ? `-${at}` : ''}.${format}"`);
      await pipeline(body, res);
    } catch (error) {
      if (!res.headersSent) return refuseHttpError(res, error, 'export');
      // Midway: the client must see a broken transfer (no final chunk), never a clean but truncated 200.
      logger.error({ referential: req.params.referential, why: (error as Error).message }, 'export failed midway');
      res.destroy();
    }
  });
  return router;
}
