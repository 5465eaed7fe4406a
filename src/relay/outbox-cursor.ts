import type { Client } from 'pg';
import { CHANGE_EVENT_COLUMNS, type ChangeEventRow } from '../kernel/outbox/wire-event';

/** A named reader's position in the outbox (change_cursor), created at 0 on first use. */
export async function readCursor(client: Client, name: string): Promise<string> {
  await client.query('insert into change_cursor (name) values ($1) on conflict (name) do nothing', [name]);
  const { rows } = await client.query<{ last_id: string }>('select last_id from change_cursor where name = $1', [name]);
  return String(rows[0].last_id);
}

/** Moves forward only: a late write from a stale reader never moves a cursor back. */
export async function saveCursor(client: Client, name: string, lastId: string): Promise<void> {
  await client.query('update change_cursor set last_id = greatest(last_id, $2::bigint), updated_at = now() where name = $1', [name, lastId]);
}

export async function readEventsAfter(client: Client, after: string, limit: number): Promise<ChangeEventRow[]> {
  const { rows } = await client.query<ChangeEventRow>(`select ${CHANGE_EVENT_COLUMNS} from change_event where id > $1 order by id limit $2`, [after, limit]);
  return rows;
}
