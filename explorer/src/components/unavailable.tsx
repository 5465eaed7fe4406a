import { MESSAGES } from '../i18n/fr';

/** What a view shows when the served supergraph has no subgraph for it (not merged or not deployed yet). */
export function Unavailable({ subgraph, missing }: { subgraph: string; missing: string[] }) {
  return (
    <div className="notice notice-info" role="status" data-testid="subgraph-unavailable">
      <strong>{MESSAGES.unavailable}</strong> — le sous-graphe « {subgraph} » n'est pas servi par cette passerelle.
      <div className="muted small">
        Champs attendus absents du supergraphe :{' '}
        {missing.map((m) => (
          <code key={m}>{m} </code>
        ))}
      </div>
    </div>
  );
}
