import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { AuthException } from '../../../kernel/auth/auth.exception';
import type { Authenticate } from '../../../kernel/auth/authenticate';
import { refuseHttp } from '../../../kernel/http/refuse-http';
import { logger } from '../../../kernel/logger';
import { assertSteward, type Principal } from '../../../kernel/auth/principal';
import { ReleaseService } from '../release/release.service';
import { ReferentialsException } from '../referentials.exception';
import { exportReferential } from '../export-formats/export-referential';
import { exportQueryProblem } from '../export-formats/export-query';
import { isReferentialInPath, releaseParam, uploadFileName } from './file-route-params';
import { ImportRefusedError } from './import-referential';
import { abandonDeadJobs } from '../import-job/import-job-liveness';
import type { ImportFormat } from './read/layouts';
import { runImportJob } from '../import-job/run-import-job';

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const FORMATS = ['natinf', 'nac', 'csv', 'json'];

/**
 * POST /imports/:referential streams the body to a temporary file, imports it and answers the report;
 * GET /exports/:referential streams a release. Uploads need a bearer token or API key of a STEWARD of that referential.
 */
export function importRouter(orm: MikroORM, databaseUrl: string, authenticate: Authenticate): Router {
  const router = express.Router();
  // At start (both deployment modes mount this router): jobs whose import died with an earlier process.
  void abandonDeadJobs(databaseUrl).then(
    (ids) => ids.length > 0 && logger.warn({ jobs: ids }, 'import jobs abandoned by a dead process marked FAILED'),
    (error: Error) => logger.warn({ why: error.message }, 'import job sweep failed'));

  router.post('/imports/:referential', async (req: Request, res: Response) => {
    let principal: Principal;
    try {
      principal = await authenticate(req.headers);
      assertSteward(principal, String(req.params.referential));
    } catch (error) {
      if (!(error instanceof AuthException)) throw error;
      return void refuseHttp(res, error.httpStatus, error.apiCode, error.message);
    }
    if (!isReferentialInPath(String(req.params.referential))) return void refuseHttp(res, 404, 'NOT_FOUND', 'no referential has this code', 'referential');
    const format = typeof req.query.format === 'string' ? req.query.format : undefined;
    if (format && !FORMATS.includes(format)) return void refuseHttp(res, 400, 'BAD_USER_INPUT', `format must be one of ${FORMATS.join(', ')}`, 'format');
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return void refuseHttp(res, 413, 'PAYLOAD_TOO_LARGE', `${MAX_UPLOAD_BYTES} bytes at most`);
    const dir = await mkdtemp(join(tmpdir(), 'rj-upload-'));
    // Saved under the client's file name (sanitised) so that every reported problem names it.
    const fileName = uploadFileName(req.query.filename, `upload.${format === 'json' ? 'json' : 'csv'}`);
    const path = join(dir, fileName);
    try {
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('upload too large'));
      });
      await pipeline(req, createWriteStream(path));
      const referential = await new ReleaseService(orm.em.fork()).requireReferential(String(req.params.referential));
      const flag = (name: string) => req.query[name] === 'true';
      const { job, report } = await runImportJob(orm, databaseUrl, referential, path, {
        format: format as ImportFormat | undefined, publish: flag('publish'), dryRun: flag('dryRun'), skipInvalid: flag('skipInvalid'), allowMassRemoval: flag('allowMassRemoval'), actor: principal.id, actorKind: principal.kind,
      });
      res.status(report?.outcome === 'REFUSED' ? 422 : 200).json({ job: job.id, ...report });
    } catch (error) {
      if (error instanceof ReferentialsException) refuseHttp(res, 404, 'NOT_FOUND', error.message, 'referential');
      else if (error instanceof ImportRefusedError) refuseHttp(res, 409, 'CONFLICT', error.message);
      else refuseHttp(res, 500, 'INTERNAL_SERVER_ERROR', 'import failed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  router.get('/exports/:referential', async (req: Request, res: Response) => {
    // A read: anonymous when anonymous reads are on, otherwise any authenticated principal; a draft for its stewards.
    let principal: Principal;
    try {
      principal = await authenticate(req.headers);
    } catch (error) {
      if (!(error instanceof AuthException)) throw error;
      return void refuseHttp(res, error.httpStatus, error.apiCode, error.message);
    }
    if (!isReferentialInPath(String(req.params.referential))) return void refuseHttp(res, 404, 'NOT_FOUND', 'no referential has this code', 'referential');
    const refusal = exportQueryProblem(req.query);
    if (refusal) return void refuseHttp(res, 400, 'BAD_USER_INPUT', refusal.message, refusal.field);
    const asked = releaseParam(req.query.release) as number | undefined; // checked just above
    try {
      const em = orm.em.fork();
      const releases = new ReleaseService(em);
      const referential = await releases.requireReferential(String(req.params.referential));
      const release = await releases.readable(referential.code, asked, principal);
      if (release === null) return void refuseHttp(res, 404, 'NOT_FOUND', `${referential.code} has no published release`, 'release');
      const format = req.query.format === 'json' ? 'json' : 'csv';
      const at = typeof req.query.at === 'string' ? req.query.at : null;
      // The first rows are read before any header goes out: a database refusal is still an answer.
      const body = await exportReferential(em, referential, { release, at, format });
      res.type(format === 'json' ? 'application/json' : `text/csv; charset=${referential.code === 'NATINF' ? 'iso-8859-1' : 'utf-8'}`);
      res.setHeader('content-disposition', `attachment; filename="${referential.code}-${release}${at ? `-${at}` : ''}.${format}"`);
      await pipeline(body, res);
    } catch (error) {
      logger.error({ referential: req.params.referential, why: (error as Error).message, midway: res.headersSent }, 'export failed');
      // Midway: the client must see a broken transfer (no final chunk), never a clean but truncated 200.
      if (res.headersSent) return void res.destroy();
      if (error instanceof AuthException) return void refuseHttp(res, error.httpStatus, error.apiCode, error.message); // a draft
      if (error instanceof ReferentialsException) return void refuseHttp(res, 404, 'NOT_FOUND', error.message);
      refuseHttp(res, 500, 'INTERNAL_SERVER_ERROR', 'export failed');
    }
  });
  return router;
}
