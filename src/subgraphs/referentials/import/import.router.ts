import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Authenticate } from '../../../kernel/auth/authenticate';
import { assertSteward } from '../../../kernel/auth/principal';
import { refuseHttp, refuseHttpError } from '../../../kernel/http/refuse-http';
import { logger } from '../../../kernel/logger';
import { abandonDeadJobs } from './import-job-liveness';
import { runImportJob } from './run-import-job';
import { invalid } from '../referentials.exception';
import { ReleaseService } from '../release/release.service';
import { referentialInPath, uploadFileName } from './file-route-params';
import type { ImportFormat } from './read/layouts';

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const FORMATS = ['natinf', 'nac', 'csv', 'json'];

/**
 * POST /imports/:referential streams the body to a temporary file, imports it and answers the report (422 when the
 * file is refused). Uploads need a bearer token or API key of a STEWARD of that referential.
 */
export function importRouter(orm: MikroORM, databaseUrl: string, authenticate: Authenticate): Router {
  const router = express.Router();
  // At start (both deployment modes mount this router): jobs whose import died with an earlier process.
  void abandonDeadJobs(databaseUrl).then(
    (ids) => ids.length > 0 && logger.warn({ jobs: ids }, 'import jobs abandoned by a dead process marked FAILED'),
    (error: Error) => logger.warn({ why: error.message }, 'import job sweep failed'),
  );

  router.post('/imports/:referential', async (req: Request, res: Response) => {
    let dir: string | undefined;
    try {
      const principal = await authenticate(req.headers);
      assertSteward(principal, String(req.params.referential));
      const code = referentialInPath(String(req.params.referential));
      const format = typeof req.query.format === 'string' ? req.query.format : undefined;
      if (format && !FORMATS.includes(format)) throw invalid(`format must be one of ${FORMATS.join(', ')}`, 'format');
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return refuseHttp(res, 413, 'PAYLOAD_TOO_LARGE', `${MAX_UPLOAD_BYTES} bytes at most`);
      dir = await mkdtemp(join(tmpdir(), 'rj-upload-'));
      // Saved under the client's file name (sanitised) so that every reported problem names it.
      const path = join(dir, uploadFileName(req.query.filename, `upload.${format === 'json' ? 'json' : 'csv'}`));
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('upload too large'));
      });
      await pipeline(req, createWriteStream(path));
      const referential = await new ReleaseService(orm.em.fork()).requireReferential(code);
      const flag = (name: string) => req.query[name] === 'true';
      const { job, report } = await runImportJob(orm, databaseUrl, referential, path, {
        format: format as ImportFormat | undefined,
        publish: flag('publish'),
        dryRun: flag('dryRun'),
        skipInvalid: flag('skipInvalid'),
        allowMassRemoval: flag('allowMassRemoval'),
        actor: principal.id,
        actorKind: principal.kind,
      });
      res.status(report?.outcome === 'REFUSED' ? 422 : 200).json({ job: job.id, ...report });
    } catch (error) {
      refuseHttpError(res, error, 'import');
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });
  return router;
}
