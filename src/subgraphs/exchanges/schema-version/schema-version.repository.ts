import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { SchemaVersion } from './schema-version.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** A schema version as the GraphQL type reads it, plus its exchange. */
export type SchemaVersionRow = Pick<SchemaVersion, 'id' | 'version' | 'language' | 'status' | 'content' | 'publishedOn'> & { exchangeCode: string };

// The ORM's collection load's statement, `in (…)` and no order by: pg returns the rows as before, and a stable sort by version keeps its ties.
const OF_EXCHANGES = `select id, exchange_code as "exchangeCode", version, language, status, content, published_on as "publishedOn"
  from schema_version where exchange_code in (?)`;

/** The schema versions of an exchange as plain rows, by version ("2.10" after "2.9"), batched over every exchange of the request. */
export function schemaVersionsOf(em: EntityManager, exchangeCode: string): Promise<SchemaVersionRow[]> {
  return requestLoader<string, SchemaVersionRow[]>(em, 'schema-versions-by-exchange', async (codes) => {
    const rows = await readRows<SchemaVersionRow>(em, OF_EXCHANGES, [codes]);
    return groupByKey(codes, rows, (v) => v.exchangeCode).map((versions) =>
      versions.sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true })),
    );
  }).load(exchangeCode);
}

/** A version's document, or null when the exchange has no such version; undefined when there is no such exchange. One statement. */
export async function schemaDocument(
  em: EntityManager,
  exchangeCode: string,
  version: string,
): Promise<Pick<SchemaVersion, 'language' | 'content'> | null | undefined> {
  const [row] = await readRows<Pick<SchemaVersion, 'language' | 'content'>>(
    em,
    'select s.language, s.content from exchange e left join schema_version s on s.exchange_code = e.code and s.version = ? where e.code = ?',
    [version, exchangeCode],
  );
  if (!row) return undefined;
  return row.language === null ? null : row;
}
