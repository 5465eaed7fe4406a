// Observed usage in the explorer: self-contained (its own fetch), so it plugs into whichever Schéma view is served.

// Each client's operations are left out: 300 clients × 100 operations would cost 30 000, over the gateway's limit.
export const FIELD_USAGE = `query FieldUsage($coordinate: String!) {
  fieldUsage(coordinate: $coordinate) {
    coordinate inSchema deprecationReason requests
    clients { client application { code name } requests firstSeen lastSeen }
    last30Days { day requests }
  }
}`;

export const UNUSED_FIELDS = `query UnusedFields { unusedFields }`;

export interface FieldClient {
  client: string;
  application: { code: string; name: string } | null;
  requests: number;
  firstSeen: string;
  lastSeen: string;
}

export interface FieldUsageData {
  coordinate: string;
  inSchema: boolean;
  deprecationReason: string | null;
  requests: number;
  clients: FieldClient[];
  last30Days: { day: string; requests: number }[];
}

/** The 30 days ending today (UTC), each with its count (0 when absent): the sparkline's points. */
export function dailySeries(days: { day: string; requests: number }[], today = new Date()): number[] {
  const byDay = new Map(days.map((d) => [d.day, d.requests]));
  return Array.from({ length: 30 }, (_, i) => byDay.get(new Date(today.getTime() - (29 - i) * 86_400_000).toISOString().slice(0, 10)) ?? 0);
}
