import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Authenticate } from '../../../kernel/auth/authenticate';
import { logger } from '../../../kernel/logger';
import { invalid, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { ReleaseService } from '../release/release.service';
import { isDay } from '../rest/entry-api.service';
import { refuseHttpError } from '../../../kernel/http/refuse-http';
import { sdmxJson, sdmxMl } from './sdmx';
import { skosJsonLd, skosTurtle } from './skos';
import { mappingRows, standardRows, type ExportHead } from './standard-rows';

export type StandardFormat = 'skos-turtle' | 'skos-jsonld' | 'sdmx-ml' | 'sdmx-json';

const MEDIA: Record<StandardFormat, { type: string; extension: string }> = {
  'skos-turtle': { type: 'text/turtle; charset=utf-8', extension: 'ttl' },
  'skos-jsonld': { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
  'sdmx-ml': { type: 'application/vnd.sdmx.structure+xml; version=3.0.0; charset=utf-8', extension: 'xml' },
  'sdmx-json': { type: 'application/vnd.sdmx.structure+json; version=2.0.0; charset=utf-8', extension: 'json' },
};

/**
 * The standard format asked: `format=skos|sdmx` picks by `Accept` (Turtle / SDMX-ML unless JSON is asked),
 * `skos-turtle`, `skos-jsonld`, `sdmx-ml`, `sdmx-json` name one; an Accept of turtle, ld+json or sdmx alone works
 * too. Null: not a standard format (CSV, JSON), for the file export route.
 */
export function standardFormatOf(format: unknown, accept = ''): StandardFormat | null {
  const wantsJson = /application\/(ld\+json|json|vnd\.sdmx\.structure\+json)/.test(accept);
  if (format === 'skos') return /application\/ld\+json|application\/json/.test(accept) && !/text\/turtle/.test(accept) ? 'skos-jsonld' : 'skos-turtle';
  if (format === 'sdmx') return wantsJson && !/xml/.test(accept) ? 'sdmx-json' : 'sdmx-ml';
  if (typeof format === 'string' && format in MEDIA) return format as StandardFormat;
  if (format !== undefined) return null;
  if (/text\/turtle/.test(accept)) return 'skos-turtle';
  if (/application\/ld\+json/.test(accept)) return 'skos-jsonld';
  if (/application\/vnd\.sdmx\.structure\+xml/.test(accept)) return 'sdmx-ml';
  if (/application\/vnd\.sdmx\.structure\+json/.test(accept)) return 'sdmx-json';
  return null;
}

/** The release a standard export describes: the one asked, or the latest published; never a draft. */
async function headOf(orm: MikroORM, req: Request): Promise<ExportHead> {
  const em = orm.em.fork();
  const releases = new ReleaseService(em);
  const referential = await releases.requireReferential(String(req.params.referential).toUpperCase());
  const asked = req.query.release;
  if (asked !== undefined && (typeof asked !== 'string' || !/^\d{1,9}$/.test(asked))) throw invalid('release must be a release number', 'release');
  const at = req.query.at;
  if (at !== undefined && (typeof at !== 'string' || !isDay(at))) throw invalid('at must be a day (YYYY-MM-DD)', 'at');
  const release = asked ? await releases.require(referential.code, Number(asked)) : await releases.latestPublished(referential.code);
  if (!release || release.status === 'DRAFT')
    throw new ReferentialsException(`${referential.code} has no published release${asked ? ` ${asked}` : ''}`, Code.RELEASE_NOT_FOUND, 'release');
  return {
    code: referential.code,
    name: referential.name,
    description: referential.description ?? null,
    ownerBureau: referential.ownerBureau,
    levels: referential.levels,
    release: release.number,
    publishedAt: release.publishedAt?.toISOString() ?? null,
    effectiveOn: release.effectiveOn ?? null,
    at: (at as string | undefined) ?? null,
  };
}

/**
 * `GET /exports/{code}?format=skos|sdmx…`: a published release as SKOS/XKOS (Turtle or JSON-LD) or as an SDMX
 * codelist (SDMX-ML 3.0 or SDMX-JSON 2.0), streamed a page of entries at a time. Other formats go to the next route.
 */
export function standardExportRouter(orm: MikroORM, authenticate: Authenticate): Router {
  const router = express.Router();
  router.get('/exports/:referential', async (req: Request, res: Response, next: NextFunction) => {
    const format = standardFormatOf(req.query.format, req.headers.accept);
    if (!format) return next();
    let body: Readable;
    try {
      await authenticate(req.headers);
      const head = await headOf(orm, req);
      const em = orm.em.fork();
      const source = {
        head,
        rows: standardRows(em, head.code, head.release, head.at),
        mappings: mappingRows(em, head.code, head.release),
        prepared: new Date(),
      };
      body =
        format === 'skos-turtle'
          ? skosTurtle(source)
          : format === 'skos-jsonld'
            ? skosJsonLd(source)
            : format === 'sdmx-ml'
              ? sdmxMl(source)
              : sdmxJson(source);
      res.type(MEDIA[format].type);
      res.setHeader('content-disposition', `attachment; filename="${head.code}-${head.release}${head.at ? `-${head.at}` : ''}.${MEDIA[format].extension}"`);
    } catch (error) {
      return refuseHttpError(res, error, 'entry api');
    }
    try {
      await pipeline(body, res);
    } catch (error) {
      // Headers are gone: all that is left is to cut the response short, so the client sees an incomplete file.
      logger.warn({ err: error, referential: req.params.referential, format }, 'standard export interrupted');
      res.destroy(error as Error);
    }
  });
  return router;
}
