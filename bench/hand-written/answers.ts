import type { Pool } from 'pg';
import { LARGE_LIST, NATINF_SIZED } from '../queries';

/** What a hand-written handler gets: the pool and the request's variables. */
export type HandWrittenAnswer = (db: Pool, variables: Record<string, unknown>) => Promise<unknown>;

/** The cursor the platform writes for a key (base64url of its JSON), so `endCursor` is byte for byte the same. */
const cursorOf = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The latest published release of referential `$1`, read by the statement itself (an init plan, evaluated once). */
const LATEST = "(select max(number) from referential_release where referential_code = $1 and status = 'PUBLISHED')";
/** Versions of referential `$1` visible in its latest published release, on alias `e`. */
const VISIBLE = `e.referential_code = $1 and e.recorded_in <= ${LATEST} and (e.superseded_in is null or e.superseded_in > ${LATEST})`;

const today = (): string => new Date().toISOString().slice(0, 10);

/** The platform's search words: folded, lower case, split on anything but letters and digits. */
const searchWords = (search: string): string =>
  search
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

async function courtByCode(db: Pool, variables: Record<string, unknown>): Promise<unknown> {
  const {
    rows: [c],
  } = await db.query(
    'select c.code, c.name, c.type, p.code as parent_code, p.name as parent_name from court c left join court p on p.code = c.parent_code where c.code = $1',
    [variables.code],
  );
  return {
    court: c ? { code: c.code, name: c.name, type: c.type, parent: c.parent_code === null ? null : { code: c.parent_code, name: c.parent_name } } : null,
  };
}

async function competentCourts(db: Pool, variables: Record<string, unknown>): Promise<unknown> {
  const { rows } = await db.query(
    `select t.kind, c.code, c.name, p.code as parent_code, p.name as parent_name from territorial_competence t
     join court c on c.code = t.court_code left join court p on p.code = c.parent_code
     where t.insee_code = $1 and (t.valid_from is null or t.valid_from <= $2) and (t.valid_to is null or t.valid_to > $2) order by t.kind, t.id`,
    [variables.insee, today()],
  );
  return {
    competentCourts: rows.map((r) => ({
      type: r.kind,
      court: { code: r.code, name: r.name, parent: r.parent_code === null ? null : { name: r.parent_name } },
    })),
  };
}

async function pageOfCourts(db: Pool): Promise<unknown> {
  const { rows } = await db.query(
    'select c.code, c.name, p.code as parent_code, p.name as parent_name from court c left join court p on p.code = c.parent_code order by c.code limit 100',
  );
  const edges = rows.map((r) => ({
    node: { code: r.code, name: r.name, parent: r.parent_code === null ? null : { code: r.parent_code, name: r.parent_name } },
  }));
  return { courts: { edges, pageInfo: { endCursor: rows.length ? cursorOf([rows[rows.length - 1].code]) : null } } };
}

async function search(db: Pool, referential: string, text: string, first: number): Promise<unknown> {
  const query = "referential_search_query($1, string_to_array($2, ' '))";
  const { rows } = await db.query(
    `select e.code, e.label, count(*) over () as total from referential_entry e where ${VISIBLE} and e.search_vector @@ ${query}
     order by ts_rank(e.search_vector, ${query}) desc, e.code limit $3`,
    [referential, searchWords(text), first],
  );
  return { entries: { totalCount: rows.length ? Number(rows[0].total) : 0, edges: rows.map((r) => ({ node: { code: r.code, label: r.label } })) } };
}

async function entriesWithLegalReferences(db: Pool, referential: string, level: number, first: number): Promise<unknown> {
  const { rows } = await db.query(
    `select e.id, e.code, e.label, p.code as parent_code from referential_entry e
     left join referential_entry p on p.referential_code = e.referential_code and p.code = e.parent_code
       and p.recorded_in <= ${LATEST} and (p.superseded_in is null or p.superseded_in > ${LATEST})
     where ${VISIBLE} and e.level = $2 order by e.code limit $3`,
    [referential, level, first],
  );
  const { rows: references } = await db.query(
    'select entry_id, role, article, code_mnemonic from legal_reference where entry_id = any($1) order by entry_id, role, position',
    [rows.map((r) => r.id)],
  );
  const byEntry = new Map<string, unknown[]>();
  for (const r of references) {
    const list = byEntry.get(r.entry_id) ?? [];
    list.push({ role: r.role, article: r.article, codeMnemonic: r.code_mnemonic });
    byEntry.set(r.entry_id, list);
  }
  const edges = rows.map((r) => ({
    node: { code: r.code, label: r.label, parent: r.parent_code === null ? null : { code: r.parent_code }, legalReferences: byEntry.get(r.id) ?? [] },
  }));
  return { entries: { edges } };
}

async function childrenInForce(db: Pool, variables: Record<string, unknown>): Promise<unknown> {
  const { rows } = await db.query(
    `select e.code, e.label, e.valid_from::text, e.valid_to::text, count(*) over () as total from referential_entry e
     where ${VISIBLE} and e.parent_code = $2 and (e.valid_from is null or e.valid_from <= $3) and (e.valid_to is null or e.valid_to > $3)
     order by e.code limit 100`,
    [variables.list, variables.parent, variables.at],
  );
  const edges = rows.map((r) => ({ node: { code: r.code, label: r.label, validFrom: r.valid_from, validTo: r.valid_to } }));
  return { entries: { totalCount: rows.length ? Number(rows[0].total) : 0, edges } };
}

/** Court → deployments → application → exchanges → referentials → first 3 entries: one statement per level. */
async function walk(db: Pool): Promise<unknown> {
  const { rows: courts } = await db.query("select code from court where type = 'TRIBUNAL_JUDICIAIRE' order by code limit 20");
  const { rows: deployments } = await db.query('select court_code, application_code from deployment where court_code = any($1) order by application_code', [
    courts.map((c) => c.code),
  ]);
  const applications = [...new Set(deployments.map((d) => d.application_code as string))];
  const { rows: parties } = await db.query(
    'select application_code, exchange_code from exchange_party where application_code = any($1) order by exchange_code',
    [applications],
  );
  const exchanges = [...new Set(parties.map((p) => p.exchange_code as string))];
  const { rows: links } = await db.query('select exchange_code, referential_code from exchange_referential where exchange_code = any($1)', [exchanges]);
  const referentials = [...new Set(links.map((l) => l.referential_code as string))];
  const { rows: entries } = await db.query(
    `select r.code as referential, e.code, e.label from unnest($1::text[]) as r(code)
     cross join lateral (select max(number) as n from referential_release where referential_code = r.code and status = 'PUBLISHED') l
     cross join lateral (select code, label from referential_entry where referential_code = r.code and recorded_in <= l.n
       and (superseded_in is null or superseded_in > l.n) order by code limit 3) e`,
    [referentials],
  );
  const group = <T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const list = groups.get(keyOf(row));
      if (list) list.push(row);
      else groups.set(keyOf(row), [row]);
    }
    return groups;
  };
  const entriesOf = group(entries, (e) => e.referential);
  const linksOf = group(links, (l) => l.exchange_code);
  const partiesOf = group(parties, (p) => p.application_code);
  const deploymentsOf = group(deployments, (d) => d.court_code);
  const exchange = (code: string) => ({
    code,
    referentials: (linksOf.get(code) ?? [])
      .map((l) => l.referential_code as string)
      .sort((a, b) => a.localeCompare(b))
      .map((r) => ({ code: r, entries: { edges: (entriesOf.get(r) ?? []).map((e) => ({ node: { code: e.code, label: e.label } })) } })),
  });
  const application = (code: string) => ({ code, exchanges: [...new Set((partiesOf.get(code) ?? []).map((p) => p.exchange_code as string))].map(exchange) });
  const edges = courts.map((c) => ({
    node: { code: c.code, deployments: (deploymentsOf.get(c.code) ?? []).map((d) => ({ application: application(d.application_code) })) },
  }));
  return { courts: { edges } };
}

/**
 * The read mix answered by hand: plain SQL through `pg`, the JSON built in code, field for field what the platform
 * answers (tests/platform/hand-written-bench.spec.ts compares them). Keyed by the names of bench/queries.ts.
 */
export const HAND_WRITTEN: Readonly<Record<string, HandWrittenAnswer>> = {
  'court by code': courtByCode,
  'competent courts for a commune': competentCourts,
  'page of 100 courts with parents': pageOfCourts,
  'search in 17,000 entries (NATINF-sized)': (db) => search(db, NATINF_SIZED, 'vehicule autrui', 20),
  'page of 100 entries with legal references (1M list)': (db) => entriesWithLegalReferences(db, LARGE_LIST, 3, 100),
  '`at` query on the 1M list (children in force on a day)': childrenInForce,
  'walk Court → deployments → application → exchanges → referentials → entries': walk,
};
