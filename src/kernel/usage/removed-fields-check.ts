import { Client } from 'pg';
import { fieldCoordinates, supergraphApiSchema } from './supergraph-api-schema';

/** Fields clients could select in `before` and can no longer in `after`. */
export function removedFields(before: string, after: string): string[] {
  const kept = fieldCoordinates(supergraphApiSchema(after));
  return [...fieldCoordinates(supergraphApiSchema(before)).keys()].filter((c) => !kept.has(c)).sort();
}

export interface RecentReader {
  coordinate: string;
  client: string;
  requests: number;
  lastSeen: string;
}

/** Who read these coordinates in the last `days` days, from the observed usage of the database at `url`. */
export async function recentReaders(url: string, coordinates: string[], days = 30): Promise<RecentReader[]> {
  if (!coordinates.length) return [];
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ coordinate: string; client: string; requests: number; last_seen: Date }>(
      `select coordinate, client, sum(requests)::float8 as requests, max(last_seen) as last_seen from usage_field
       where coordinate = any($1) and at >= now() - make_interval(days => $2) group by 1, 2 order by 1, 3 desc`,
      [coordinates, days],
    );
    return rows.map((r) => ({ coordinate: r.coordinate, client: r.client, requests: r.requests, lastSeen: new Date(r.last_seen).toISOString() }));
  } finally {
    await client.end();
  }
}
