import { Suspense, lazy, useDeferredValue, useMemo, useState } from 'react';
import { useSupergraph } from '../../api/supergraph-context';
import { ErrorBox, Loading, Panel } from '../../components/status';
import { label } from '../../i18n/fr';
import { link, navigate, usePageTitle, type Location } from '../../router';
import { ChangeLog } from './change-log';
import { EntityMatrix } from './entity-matrix';
import { SubgraphChart } from './subgraph-chart';
import { FieldUsageSection, UnusedFieldsSection } from './schema-usage';
import { TypeCard } from './type-card';
import { searchTypes } from './type-search';

// The relationship graph brings cytoscape: loaded when its tab opens.
const RelationGraph = lazy(() => import('./relation-graph').then((m) => ({ default: m.RelationGraph })));

const TABS = [['types', 'Types'], ['relations', 'Relations'], ['subgraphs', 'Sous-graphes'], ['usage', 'Usage observé'], ['changes', 'Journal des changements']] as const;
type Tab = (typeof TABS)[number][0];

/**
 * The served supergraph: an index of types (exact-name matches first) beside the chosen type, the relations between
 * entities, the subgraphs' shares, and the change log, each in its tab. Deep links: /explorer/schema/Court, ?tab=relations.
 */
export function SchemaView({ location }: { location: Location }) {
  const { model, error } = useSupergraph();
  const [search, setSearch] = useState('');
  const [owner, setOwner] = useState('');
  const deferred = useDeferredValue(search);
  const requested = location.params.get('tab');
  const tab: Tab = TABS.some(([t]) => t === requested) ? (requested as Tab) : 'types';
  const typeName = location.segments[1];
  const fieldName = location.params.get('field') ?? undefined;
  const types = useMemo(() => searchTypes(model?.types ?? [], deferred, owner), [model, deferred, owner]);
  const known = useMemo(() => new Set((model?.types ?? []).map((t) => t.name)), [model]);
  const selected = model?.types.find((t) => t.name === (typeName ?? 'Query'));
  usePageTitle(tab === 'types' ? typeName : TABS.find(([t]) => t === tab)?.[1], 'Schéma');
  if (error) return <ErrorBox error={`Supergraphe illisible : ${error}`} />;
  if (!model) return <Loading />;
  return (
    <div className="schema">
      <div className="subtabs" role="tablist" aria-label="Parties du schéma">
        {TABS.map(([t, title]) => (
          <a key={t} role="tab" aria-selected={t === tab} {...link(t === 'types' ? `schema${typeName ? `/${typeName}` : ''}` : `schema?tab=${t}`)} data-testid={`schema-tab-${t}`}>{title}</a>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find(([t]) => t === tab)?.[1]}>
        {tab === 'types' && (
          <div className="columns columns-index">
            <nav className="type-index panel" aria-label="Index des types">
              <input type="search" placeholder="Type, champ, description…" value={search} onChange={(e) => setSearch(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter' && types[0]) navigate(`schema/${types[0].name}`); }}
                aria-label="Rechercher dans le schéma" data-testid="schema-search" />
              <select value={owner} onChange={(e) => setOwner(e.target.value)} aria-label="Sous-graphe">
                <option value="">Tous les sous-graphes</option>
                {model.subgraphs.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
              <div className="muted small" aria-live="polite">{types.length} type(s)</div>
              <ul className="type-index-list" data-testid="type-index">
                {types.map((t) => (
                  <li key={t.name}>
                    <a {...link(`schema/${t.name}`)} aria-current={t.name === selected?.name ? 'page' : undefined}>{t.name}</a>
                    <span className="muted small" title={t.kind}> {label('TypeKind', t.kind)}</span>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="column-main">
              {selected && <TypeCard type={selected} known={known} field={fieldName} />}
              {selected && fieldName && <FieldUsageSection coordinate={`${selected.name}.${fieldName}`} />}
              {!selected && <p className="notice notice-info" role="status" data-testid="type-unknown">Le schéma n'a pas de type « {typeName} ».</p>}
            </div>
          </div>
        )}
        {tab === 'relations' && <Panel title="Relations entre types"><Suspense fallback={<Loading />}><RelationGraph model={model} /></Suspense></Panel>}
        {tab === 'subgraphs' && <div className="columns columns-even"><SubgraphChart model={model} /><EntityMatrix model={model} /></div>}
        {tab === 'usage' && <UnusedFieldsSection />}
        {tab === 'changes' && <ChangeLog />}
      </div>
    </div>
  );
}
