import type { SupergraphModel } from '../../api/supergraph-model';
import { Panel } from '../../components/status';
import { link } from '../../router';

/** Federated entities × subgraphs: who contributes fields to which entity, at a glance (dot size = field count). */
export function EntityMatrix({ model }: { model: SupergraphModel }) {
  const entities = model.types.filter((t) => t.keys.length > 0);
  if (entities.length === 0) return null;
  const max = Math.max(1, ...entities.flatMap((e) => model.subgraphs.map((s) => e.fields.filter((f) => f.owners.includes(s)).length)));
  return (
    <Panel title="Entités fédérées">
      <div className="table-scroll">
        <table className="matrix" data-testid="entity-matrix">
          <caption className="visually-hidden">Nombre de champs de chaque entité fournis par chaque sous-graphe</caption>
          <thead>
            <tr><th scope="col">Entité</th>{model.subgraphs.map((s) => <th key={s} scope="col" className="matrix-col">{s}</th>)}</tr>
          </thead>
          <tbody>
            {entities.map((e) => (
              <tr key={e.name}>
                <th scope="row"><a {...link(`schema/${e.name}`)}>{e.name}</a></th>
                {model.subgraphs.map((s) => {
                  const n = e.fields.filter((f) => f.owners.includes(s)).length;
                  const size = n ? 6 + (14 * n) / max : 0;
                  return (
                    <td key={s} title={n ? `${s} : ${n} champ(s) de ${e.name}` : undefined}>
                      {n > 0 && <><span className="matrix-dot" style={{ width: size, height: size }} aria-hidden="true" /><span className="visually-hidden">{n}</span></>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
