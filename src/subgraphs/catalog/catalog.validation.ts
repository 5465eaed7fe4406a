import { CatalogException, CatalogExceptionCode } from './catalog.exception';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Codes are natural keys shared with other subgraphs: one strict shape everywhere. */
export function checkCode(value: string, field: string): string {
  if (!CODE.test(value))
    throw new CatalogException(`${field} "${value}" must be upper-case letters, digits, "_" or "-" (64 at most)`, CatalogExceptionCode.INVALID_CODE, field);
  return value;
}

export function checkText(value: string, field: string, max = 255): string {
  const text = value.trim();
  if (!text || text.length > max) throw new CatalogException(`${field} must be 1 to ${max} characters`, CatalogExceptionCode.INVALID_VALUE, field);
  return text;
}

export function checkUrl(value: string, field: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw new CatalogException(`${field} must be an http(s) URL`, CatalogExceptionCode.INVALID_VALUE, field);
  return value;
}

export function checkPositive(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1) throw new CatalogException(`${field} must be a positive integer`, CatalogExceptionCode.INVALID_VALUE, field);
  return value;
}

export function checkPeriod(from: string | null | undefined, to: string | null | undefined, field: string): void {
  if (from && to && DATE.test(from) && DATE.test(to) && to <= from)
    throw new CatalogException(`${field} must end after it starts`, CatalogExceptionCode.INVALID_VALUE, field);
}

/** Legal text references are free text; trimmed, blank ones dropped, duplicates removed. */
export const cleanTexts = (texts: readonly string[] | null | undefined): string[] => [...new Set((texts ?? []).map((t) => t.trim()).filter(Boolean))];
