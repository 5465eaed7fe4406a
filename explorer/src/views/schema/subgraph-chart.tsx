import type { SupergraphModel } from '../../api/supergraph-model';
import { Panel } from '../../components/status';

/** How much of the supergraph each subgraph owns: a bar per subgraph, read at a glance. */
export function SubgraphChart({ model }: { model: SupergraphModel }) {
  const rows = model.subgraphs.map((s) => ({
    name: s,
    types: model.types.filter((t) => t.owners.includes(s)).length,
    fields: model.types.reduce((n, t) => n + t.fields.filter((f) => f.owners.includes(s)).length, 0),
  }));
  const max = Math.max(1, ...rows.map((r) => r.fields));
  return (
    <Panel title="Sous-graphes">
      {rows.map((r) => (
        <div key={r.name} className="bar-row bar-row-compact">
          <span className="bar-label">{r.name}</span>
          <span className="bar"><span style={{ width: `${(100 * r.fields) / max}%` }} /></span>
          <span className="muted small">{r.types} types · {r.fields} champs</span>
        </div>
      ))}
    </Panel>
  );
}
