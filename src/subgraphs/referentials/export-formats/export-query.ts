import { parseDate } from '../import/read/import-row';

const MAX_INT = 2_147_483_647;

/**
 * The first problem of an export's query string (`release`, `at`, `format`), named by its parameter, or null:
 * checked before any database work, so a bad value is a 400, never a database error.
 */
export function exportQueryProblem(query: Record<string, unknown>): { field: string; message: string } | null {
  const { release, at, format } = query;
  if (release !== undefined && (typeof release !== 'string' || !/^\d{1,10}$/.test(release) || Number(release) < 1 || Number(release) > MAX_INT)) {
    return { field: 'release', message: 'release must be a release number (a positive integer)' };
  }
  if (at !== undefined && (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(at) || parseDate(at) !== at)) {
    return { field: 'at', message: 'at must be a day YYYY-MM-DD between 0001-01-01 and 9999-12-31' };
  }
  if (format !== undefined && format !== 'csv' && format !== 'json') return { field: 'format', message: 'format must be csv or json' };
  return null;
}
