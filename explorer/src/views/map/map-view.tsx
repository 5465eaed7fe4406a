import { useMemo, useState } from 'react';
import { useMissingFields } from '../../api/supergraph-context';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading, Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { ApplicationPanel } from './application-panel';
import { landscapeElements } from './landscape-elements';
import { LandscapeGraph } from './landscape-graph';
import { LANDSCAPE, MAP_FIELDS, type Landscape } from './operations';

/** Applications as nodes, exchanges as edges, partners apart; filters; click an application for its details. */
export function MapView() {
  const missing = useMissingFields(MAP_FIELDS);
  if (!missing) return <Loading />;
  if (missing.length) return <Unavailable subgraph="catalog / exchanges" missing={missing} />;
  return <Map />;
}

function Map() {
  const { data, error } = useQuery<Landscape>(LANDSCAPE, {});
  const [domain, setDomain] = useState('');
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<string>();
  const elements = useMemo(() => {
    if (!data) return [];
    const shown = new Set(data.applications.filter((a) => (!domain || a.domain === domain) && (!status || a.lifecycleStatus === status)).map((a) => a.code));
    return landscapeElements(data, (code) => shown.has(code));
  }, [data, domain, status]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const domains = [...new Set(data.applications.map((a) => a.domain))].sort();
  const statuses = [...new Set(data.applications.map((a) => a.lifecycleStatus))].sort();
  return (
    <div className="columns">
      <div className="column-main">
        <div className="toolbar">
          <select value={domain} onChange={(e) => setDomain(e.target.value)} aria-label="Domaine" data-testid="domain-filter">
            <option value="">Tous les domaines</option>
            {domains.map((d) => <option key={d}>{d}</option>)}
          </select>
          <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Statut" data-testid="status-filter">
            <option value="">Tous les statuts</option>
            {statuses.map((s) => <option key={s}>{s}</option>)}
          </select>
          <span className="muted">{data.applications.length} applications · {data.exchanges.length} échanges</span>
        </div>
        <LandscapeGraph elements={elements} onSelect={setSelected} />
        <div className="legend small">
          <span><span className="dot domain-CIVIL" />Civil</span><span><span className="dot domain-PENAL" />Pénal</span>
          <span><span className="dot domain-GESTION" />Gestion</span><span><span className="dot domain-TRANSVERSE" />Transverse</span>
          <span><span className="square" />Partenaire extérieur</span><span>— actif · - - prévu · ⋯ déprécié</span>
        </div>
      </div>
      <aside className="column-side">
        <Panel title="Application">
          {selected ? <ApplicationPanel code={selected} /> : <p className="muted">Cliquez sur une application de la carte.</p>}
        </Panel>
      </aside>
    </div>
  );
}
