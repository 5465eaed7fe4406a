import { useDeferredValue, useMemo, useState } from 'react';
import { useSupergraph } from '../../api/supergraph-context';
import type { TypeInfo } from '../../api/supergraph-model';
import { ErrorBox, Loading } from '../../components/status';
import { ChangeLog } from './change-log';
import { EntityMatrix } from './entity-matrix';
import { SubgraphChart } from './subgraph-chart';
import { TypeCard } from './type-card';

const matches = (type: TypeInfo, words: string[]): boolean => {
  const text = [type.name, type.description, ...type.fields.flatMap((f) => [f.name, f.description])].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
};

/** Every type and field of the served supergraph, with owners, keys and deprecations, plus the schema's change log. */
export function SchemaView() {
  const { model, error } = useSupergraph();
  const [search, setSearch] = useState('');
  const [owner, setOwner] = useState('');
  const deferred = useDeferredValue(search);
  const types = useMemo(() => {
    const words = deferred.toLowerCase().split(/\s+/).filter(Boolean);
    return (model?.types ?? []).filter((t) => (!owner || t.owners.includes(owner)) && matches(t, words));
  }, [model, deferred, owner]);
  if (error) return <ErrorBox error={`Supergraphe illisible : ${error}`} />;
  if (!model) return <Loading />;
  return (
    <div className="columns">
      <div className="column-main">
        <div className="toolbar">
          <input type="search" placeholder="Rechercher un type, un champ, une description…" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Rechercher dans le schéma" data-testid="schema-search" />
          <select value={owner} onChange={(e) => setOwner(e.target.value)} aria-label="Sous-graphe">
            <option value="">Tous les sous-graphes</option>
            {model.subgraphs.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          <span className="muted">{types.length} type(s)</span>
        </div>
        <div className="type-list">
          {types.map((t) => <TypeCard key={t.name} type={t} />)}
        </div>
      </div>
      <aside className="column-side">
        <SubgraphChart model={model} />
        <EntityMatrix model={model} />
        <ChangeLog />
      </aside>
    </div>
  );
}
