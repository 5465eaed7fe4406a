import type { TypeInfo } from '../../api/supergraph-model';

const KIND_LABEL: Record<TypeInfo['kind'], string> = { object: 'type', interface: 'interface', enum: 'enum', input: 'input', scalar: 'scalar', union: 'union' };

/** Each key once, with the subgraphs that declare it: an entity shared by three subgraphs has one key, not three. */
function groupKeys(keys: TypeInfo['keys']): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const k of keys) grouped.set(k.fields, [...(grouped.get(k.fields) ?? []), k.subgraph]);
  return grouped;
}

/** One type: its description, owning subgraphs, keys, then each field with its own owners and deprecation. */
export function TypeCard({ type }: { type: TypeInfo }) {
  return (
    <article className="type-card" id={`type-${type.name}`} data-testid="type-card">
      <header>
        <span className={`kind kind-${type.kind}`}>{KIND_LABEL[type.kind]}</span>
        <h3>{type.name}</h3>
        {type.owners.map((o) => <span key={o} className="tag">{o}</span>)}
        {[...groupKeys(type.keys)].map(([fields, subgraphs]) => <span key={fields} className="tag tag-key" title={`@key déclarée par ${subgraphs.join(', ')}`}>@key({fields})</span>)}
      </header>
      {type.description && <p className="description">{type.description}</p>}
      {type.fields.length > 0 && (
        <table className="fields">
          <tbody>
            {type.fields.map((f) => (
              <tr key={f.name} className={f.deprecated ? 'deprecated' : undefined}>
                <td className="field-name">
                  <code>{f.name}</code>
                  {f.args.length > 0 && <span className="args">({f.args.map((a) => `${a.name}: ${a.type}`).join(', ')})</span>}
                </td>
                <td><code className="field-type">{f.type}</code></td>
                <td className="field-doc">
                  {f.description}
                  {f.deprecated && <div className="deprecation">Déprécié : {f.deprecated}</div>}
                </td>
                <td className="field-owners">{f.owners.join(', ') !== type.owners.join(', ') && f.owners.map((o) => <span key={o} className="tag">{o}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
