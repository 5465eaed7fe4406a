import express from 'express';
import type { ApiHandler, ApiRequest, Next } from './api-chain';

/** JSON in UTF-8, the charset optional: what API clients send. Any other body goes to body-parser (charsets, gzip). */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset=("?)utf-8\1\s*)?$/i;

/** A client's malformed body, as body-parser reports it (`status` is what the error handler answers with). */
const bodyError = (message: string, type: string): Error => Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true, type });

/**
 * The request's JSON body as `req.body`, as `express.json({ limit })` (body-parser) parses it: strict (an object or
 * a list), an empty body as `{}`, a byte-order mark ignored, malformed JSON a 400. A declared length within the limit
 * (larger ones are refused before) in plain UTF-8 is read here, without body-parser's generic machinery; chunked,
 * compressed or other-charset bodies go to body-parser itself.
 */
export function jsonBody(maxBytes: number): ApiHandler {
  const general = express.json({ limit: maxBytes }) as unknown as ApiHandler;
  return (req, res, next) => {
    const length = req.headers['content-length'];
    const encoding = req.headers['content-encoding'];
    if (
      length === undefined ||
      Number(length) > maxBytes ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
      !PLAIN_JSON.test(req.headers['content-type'] ?? '') ||
      req.readableEnded
    )
      return general(req, res, next);
    readDeclared(req, next);
  };
}

function readDeclared(req: ApiRequest, next: Next): void {
  const chunks: Buffer[] = [];
  const onData = (chunk: Buffer) => void chunks.push(chunk);
  const onEnd = () => {
    stop();
    parseInto(req, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), next);
  };
  // The client went away (or the socket failed) before the whole body came: nobody is left to answer, but the chain ends.
  const onAbort = () => {
    stop();
    next(bodyError('request aborted', 'request.aborted'));
  };
  const stop = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onAbort);
    req.off('close', onAbort);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onAbort);
  req.on('close', onAbort);
}

function parseInto(req: ApiRequest, body: Buffer, next: Next): void {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) {
    req.body = {};
    return next();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return next(bodyError((error as Error).message, 'entity.parse.failed'));
  }
  // Strict, as body-parser: a bare string, number or null is not a GraphQL request.
  if (typeof parsed !== 'object' || parsed === null) return next(bodyError('strict violation', 'entity.parse.failed'));
  req.body = parsed;
  next();
}
