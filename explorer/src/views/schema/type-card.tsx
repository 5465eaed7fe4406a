import type { TypeInfo } from '../../api/supergraph-model';
import { label } from '../../i18n/fr';
import { link } from '../../router';
import { TypeRef } from './type-ref';

/** Each key once, with the subgraphs that declare it: an entity shared by three subgraphs has one key, not three. */
function groupKeys(keys: TypeInfo['keys']): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const k of keys) grouped.set(k.fields, [...(grouped.get(k.fields) ?? []), k.subgraph]);
  return grouped;
}

/** One type: its description, owning subgraphs, keys, then each field with its own owners and deprecation; types are links. */
export function TypeCard({ type, known, field }: { type: TypeInfo; known: Set<string>; field?: string }) {
  return (
    <article className="type-card" id={`type-${type.name}`} data-testid="type-card" aria-labelledby={`type-${type.name}-title`}>
      <header>
        <span className={`kind kind-${type.kind}`} title={type.kind}>{label('TypeKind', type.kind)}</span>
        <h2 id={`type-${type.name}-title`}>{type.name}</h2>
        {type.owners.map((o) => <span key={o} className="tag">{o}</span>)}
        {[...groupKeys(type.keys)].map(([fields, subgraphs]) => <span key={fields} className="tag tag-key" title={`@key déclarée par ${subgraphs.join(', ')}`}>@key({fields})</span>)}
      </header>
      {type.description && <p className="description">{type.description}</p>}
      {type.fields.length > 0 && (
        <div className="table-scroll">
          <table className="fields">
            <thead className="visually-hidden"><tr><th scope="col">Champ</th><th scope="col">Type</th><th scope="col">Description</th><th scope="col">Sous-graphes</th></tr></thead>
            <tbody>
              {type.fields.map((f) => (
                <tr key={f.name} className={[f.deprecated && 'deprecated', f.name === field && 'selected'].filter(Boolean).join(' ') || undefined}>
                  <td className="field-name">
                    {/* The field's name opens its observed usage (an architect's question: who reads it?). */}
                    <a {...link(`schema/${type.name}?field=${encodeURIComponent(f.name)}`)} aria-current={f.name === field ? 'true' : undefined} title="Usage observé"><code>{f.name}</code></a>
                    {f.args.length > 0 && <span className="args">({f.args.map((a, i) => <span key={a.name}>{i > 0 && ', '}{a.name}: <TypeRef type={a.type} known={known} /></span>)})</span>}
                  </td>
                  <td>{f.type && <TypeRef type={f.type} known={known} />}</td>
                  <td className="field-doc">
                    {f.description}
                    {f.deprecated && <div className="deprecation">Déprécié : {f.deprecated}</div>}
                  </td>
                  <td className="field-owners">{f.owners.join(', ') !== type.owners.join(', ') && f.owners.map((o) => <span key={o} className="tag">{o}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
