/**
 * The outbox events of a release being published: one per entry version and per mapping recorded in it, with the
 * entry's full published state, then one for the release. One INSERT … SELECT, so an import publishing a million entries costs no round trip
 * per row. `$1` is the referential's code, `$2` the release number; run it in the publishing transaction.
 * The previous version is looked up per row (LATERAL: an index probe on referential and code whatever the
 * statistics say); as a plain join, a new list unknown to the statistics got a nested loop over all its rows.
 */
export const RELEASE_CHANGES_SQL = `
  insert into change_event (type, domain, entity_type, entity_key, release_number, payload)
  select case when prev.id is null then 'ADDED'
              when e.valid_to is not null and e.valid_to is distinct from prev.valid_to then 'ENDED'
              else 'CHANGED' end,
         e.referential_code, 'Entry', e.code, e.recorded_in,
         jsonb_build_object('code', e.code, 'label', e.label, 'parentCode', e.parent_code, 'level', e.level,
           'attributes', e.attributes, 'validFrom', e.valid_from, 'validTo', e.valid_to,
           'legalReferences', coalesce(e.legal_cells, '{}'::jsonb),
           'link', jsonb_build_object('query', 'entry', 'referential', e.referential_code, 'code', e.code, 'release', e.recorded_in))
  from referential_entry e
  left join lateral (select p.id, p.valid_to from referential_entry p
                     where p.referential_code = e.referential_code and p.code = e.code and p.superseded_in = e.recorded_in limit 1) prev on true
  where e.referential_code = $1 and e.recorded_in = $2
  order by e.code;
  `;

export const RELEASE_MAPPING_CHANGES_SQL = `
  insert into change_event (type, domain, entity_type, entity_key, release_number, payload)
  select 'ADDED', m.from_referential, 'EntryMapping', m.from_code || ' ' || m.kind || ' ' || m.to_referential || ':' || m.to_code, m.recorded_in,
         jsonb_build_object('fromCode', m.from_code, 'kind', m.kind, 'toReferential', m.to_referential, 'toCode', m.to_code)
  from entry_mapping m where m.from_referential = $1 and m.recorded_in = $2
  order by m.id;
  `;

/**
 * Last of a release's events: the release itself, with how many events came before it. A consumer that applies
 * releases atomically buffers a referential's events until this one.
 */
export const RELEASE_PUBLISHED_SQL = `
  insert into change_event (type, domain, entity_type, entity_key, release_number, payload)
  select 'ADDED', r.referential_code, 'Release', r.number::text, r.number,
         jsonb_build_object('number', r.number, 'status', r.status, 'publishedAt', r.published_at, 'publishedBy', r.published_by, 'notes', r.notes,
           'effectiveOn', r.effective_on, 'approvedBy', r.approved_by,
           'events', (select count(*) from change_event c where c.domain = r.referential_code and c.release_number = r.number))
  from referential_release r where r.referential_code = $1 and r.number = $2;
  `;

/** What runs the statements: a pg Client (the import) or an entity manager (publishRelease). */
export type PositionalSql = (sql: string, params: unknown[]) => Promise<unknown>;

export async function recordReleaseChanges(run: PositionalSql, referential: string, release: number): Promise<void> {
  await run(RELEASE_CHANGES_SQL, [referential, release]);
  await run(RELEASE_MAPPING_CHANGES_SQL, [referential, release]);
  await run(RELEASE_PUBLISHED_SQL, [referential, release]);
}

/** Runs positional (`$n`) SQL through MikroORM, whose raw queries take `?`: each `$n` becomes `?` with its value. */
export const viaEntityManager =
  (em: { execute(sql: string, params: unknown[]): Promise<unknown> }): PositionalSql =>
  (sql, params) => {
    const ordered: unknown[] = [];
    const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
      ordered.push(params[Number(n) - 1]);
      return '?';
    });
    return em.execute(text, ordered);
  };
