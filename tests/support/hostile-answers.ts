import type { MikroORM } from '@mikro-orm/postgresql';

/** Text that must never reach a client: SQL, file paths, stack lines, socket errors. */
export const LEAKS: readonly [string, RegExp][] = [
  ['SQL select', /\bselect\s/i],
  ['SQL insert', /\binsert\s+into\b/i],
  ['SQL from "table"', / from "/i],
  ['SQL syntax', /\bsyntax error at or near\b/i],
  ['a path under /work', /\/work\//],
  ['node_modules', /node_modules/],
  ['a .ts position', /\.ts:\d+/],
  ['a .js position', /\.js:\d+:\d+/],
  ['a stack line', /(?:^|\\n|\n)\s*at [^\s]+ \(/],
  ['a socket error', /\bE(?:CONN(?:REFUSED|RESET|ABORTED)|PIPE|TIMEDOUT|NOTFOUND)\b/],
];

/** Codes of a failure of the server, not of the request. */
const SERVER_ERROR_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/** What is wrong with an answer (empty when nothing): a 5xx, a server error in the body, leaked internals. */
export function problemsOf(status: number, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  for (const [what, pattern] of LEAKS) if (pattern.test(text)) problems.push(`leaks ${what}: ${excerpt(text, pattern)}`);
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    for (const error of body.errors ?? []) if (SERVER_ERROR_CODES.has(String(error.extensions?.code))) problems.push(`answers ${error.extensions?.code}`);
  } catch {
    // not JSON: a file, or a plain refusal; the status and the leak patterns were checked
  }
  return [...new Set(problems)];
}

const excerpt = (text: string, pattern: RegExp): string => {
  const at = text.search(pattern);
  return JSON.stringify(text.slice(Math.max(0, at - 40), at + 60));
};

/**
 * The number of rows of every table but the bookkeeping ones, in one statement. Observed usage (usage_*) is
 * bookkeeping too: counts of earlier, accepted requests are flushed in the background at any moment.
 */
export async function rowCounts(orm: MikroORM, except: readonly string[] = []): Promise<Record<string, number>> {
  const connection = orm.em.fork().getConnection();
  const tables = (
    await connection.execute<{ name: string }[]>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
     and table_name not in ('mikro_orm_migrations', 'data_version') and table_name not like 'usage\\_%' order by 1`,
    )
  )
    .map((t) => t.name)
    .filter((t) => !except.includes(t));
  const [row] = await connection.execute<Record<string, string>[]>(`select ${tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** The tables whose counts differ. */
export const changedTables = (before: Record<string, number>, after: Record<string, number>): string[] =>
  Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t} ${before[t]} → ${after[t]}`);
