import { useEffect, useState } from 'react';
import { usageQuery } from '../../api/usage-query';
import { dailySeries, FIELD_USAGE, UNUSED_FIELDS, type FieldUsageData } from './field-usage-operations';

type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

function useUsage<T>(query: string, variables: Record<string, unknown>, authorization?: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // Callers pass a new object each render: the effect depends on its content, read back from the key.
  const key = JSON.stringify(variables);
  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    usageQuery<T>(query, JSON.parse(key) as Record<string, unknown>, authorization, abort.signal).then(
      (data) => setLoaded({ state: 'ok', data }),
      (error: Error) => abort.signal.aborted || setLoaded({ state: 'error', message: error.message }),
    );
    return () => abort.abort();
  }, [query, key, authorization]);
  return loaded;
}

/** Requests per day over 30 days, as a small inline SVG line. */
export function Sparkline({ values, width = 120, height = 24 }: { values: number[]; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const step = width / Math.max(1, values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - (v / max) * (height - 2) - 1).toFixed(1)}`).join(' ');
  return (
    <svg className="usage-sparkline" width={width} height={height} role="img" aria-label={`requêtes par jour sur 30 jours, au plus ${max}`}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** Who reads a field (clients, counts, operations, 30-day sparkline); for the Schéma view's field details. */
export function FieldUsagePanel({ coordinate, authorization }: { coordinate: string; authorization?: string }) {
  const usage = useUsage<{ fieldUsage: FieldUsageData }>(FIELD_USAGE, { coordinate }, authorization);
  if (usage.state === 'loading') return <p className="usage-status">Usage de {coordinate}…</p>;
  if (usage.state === 'error') return <p className="usage-status usage-error">{usage.message}</p>;
  const field = usage.data.fieldUsage;
  return (
    <section className="field-usage" aria-label={`Usage observé de ${coordinate}`}>
      <header>
        <strong>{field.coordinate}</strong> · {field.requests.toLocaleString('fr')} requêtes (30 j) <Sparkline values={dailySeries(field.last30Days)} />
        {field.deprecationReason !== null && <span className="usage-deprecated"> déprécié : {field.deprecationReason}</span>}
      </header>
      {field.clients.length === 0 ? (
        <p>Aucun client observé sur 30 jours.</p>
      ) : (
        <table>
          <thead><tr><th>client</th><th>application</th><th>requêtes</th><th>vu de … à</th></tr></thead>
          <tbody>
            {field.clients.map((c) => (
              <tr key={c.client}>
                <td>{c.client}</td>
                <td>{c.application?.name ?? '—'}</td>
                <td>{c.requests.toLocaleString('fr')}</td>
                <td>{c.firstSeen.slice(0, 10)} → {c.lastSeen.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Fields of the served schema nobody read in 30 days; `onSelect` opens one in the Schéma view. */
export function UnusedFieldsList({ authorization, onSelect }: { authorization?: string; onSelect?: (coordinate: string) => void }) {
  const unused = useUsage<{ unusedFields: string[] }>(UNUSED_FIELDS, {}, authorization);
  if (unused.state === 'loading') return <p className="usage-status">Champs inutilisés…</p>;
  if (unused.state === 'error') return <p className="usage-status usage-error">{unused.message}</p>;
  return (
    <section className="unused-fields" aria-label="Champs jamais lus sur 30 jours">
      <h3>{unused.data.unusedFields.length} champs jamais lus sur 30 jours</h3>
      <ul>
        {unused.data.unusedFields.map((c) => (
          <li key={c}>{onSelect ? <button type="button" onClick={() => onSelect(c)}>{c}</button> : c}</li>
        ))}
      </ul>
    </section>
  );
}
