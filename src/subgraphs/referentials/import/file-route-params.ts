/** What the file routes accept in their path and query, checked before any file or database is touched. */
import { ReferentialsException, ReferentialsExceptionCode } from '../referentials.exception';

/** A referential code as the path may carry one (the lookup then says whether it exists). */
const REFERENTIAL_IN_PATH = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** The path's referential code, or the 404 a code no referential can have gets. */
export function referentialInPath(raw: string): string {
  if (!REFERENTIAL_IN_PATH.test(raw))
    throw new ReferentialsException('no referential has this code', ReferentialsExceptionCode.REFERENTIAL_NOT_FOUND, 'referential');
  return raw;
}

/** `release=N`: absent, or a positive integer PostgreSQL's integer holds; anything else is a client's mistake. */
export function releaseParam(raw: unknown): number | undefined | Error {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) return new Error('release must be a positive integer');
  return Number(raw);
}

const MAX_FILE_NAME = 100;

/** The client's file name, safe to save under: base name only, plain characters, not `.`/`..`, at most 100 characters. */
export function uploadFileName(raw: unknown, fallback: string): string {
  const base = typeof raw === 'string' ? (raw.split(/[\\/]/).pop() ?? '') : '';
  const plain = base.replace(/[^\w.-]/g, '_');
  if (!plain || /^\.+$/.test(plain)) return fallback;
  if (plain.length <= MAX_FILE_NAME) return plain;
  const extension = /\.[\w-]{1,10}$/.exec(plain)?.[0] ?? '';
  return plain.slice(0, MAX_FILE_NAME - extension.length) + extension;
}
