import type { AttributeDefinition } from './attribute-definition.type';

/** Runs one SQL statement with `?` parameters: the ORM's `execute`, or a pg client through `pgRunner`. */
export type SqlRunner = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/** A pg client as a `SqlRunner` (`?` → `$n`). */
export const pgRunner =
  (client: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }): SqlRunner =>
  async <R>(sql: string, params: unknown[]) => {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as R[];
  };

/** The versions of a referential visible in its latest published release (alias `v`): a vocabulary's current terms. */
export const LATEST_PUBLISHED_SQL = `v.recorded_in <= coalesce((select max(number) from referential_release r
    where r.referential_code = v.referential_code and r.status = 'PUBLISHED'), 0)
  and (v.superseded_in is null or v.superseded_in > (select max(number) from referential_release r
    where r.referential_code = v.referential_code and r.status = 'PUBLISHED'))`;

/**
 * ENUM attributes that draw their values from a vocabulary (another referential, e.g. NATINF `nature` from
 * NATINF_NATURE) get the labels of its latest published release, not ended on `today`, added to their `values`:
 * a new value is a reviewed release of the vocabulary, never a code change.
 */
export async function withVocabularies(run: SqlRunner, definitions: readonly AttributeDefinition[], today: string): Promise<AttributeDefinition[]> {
  const codes = [...new Set(definitions.map((d) => d.vocabulary).filter((v): v is string => Boolean(v)))];
  if (!codes.length) return [...definitions];
  const rows = await run<{ referential_code: string; label: string }>(
    `select v.referential_code, v.label from referential_entry v where v.referential_code = any(string_to_array(?, ',')) and ${LATEST_PUBLISHED_SQL}
       and (v.valid_to is null or v.valid_to > ?::date) order by v.code`,
    [codes.join(','), today],
  );
  return definitions.map((d) =>
    d.vocabulary ? { ...d, values: [...(d.values ?? []), ...rows.filter((r) => r.referential_code === d.vocabulary).map((r) => r.label)] } : d,
  );
}
