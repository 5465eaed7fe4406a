import type { Core } from 'cytoscape';
import { useMemo, useRef, useState } from 'react';
import { TokenInput, authorizationHeader, useAuthorization } from '../../api/authorization';
import { useMissingFields } from '../../api/supergraph-context';
import { useDebounced, useQuery } from '../../api/use-query';
import { Combobox, type ComboOption } from '../../components/combobox';
import { ErrorBox, Loading, Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { codes, label } from '../../i18n/fr';
import { navigate, usePageTitle, useScrollIntoView, type Location } from '../../router';
import { ApplicationPanel } from './application-panel';
import { ExchangePanel } from './exchange-details';
import { landscapeElements, readingElements, readingId } from './landscape-elements';
import { exportPng, exportSvg } from './landscape-export';
import { LandscapeGraph } from './landscape-graph';
import { visibleLandscape } from './landscape-model';
import { LandscapeTable } from './landscape-table';
import { USAGE_FIELDS, usageEdges, type UsageEdge } from './observed-usage-colouring';
import { useObservedUsage } from './observed-usage-loader';
import { ReadingPanel, ReadingsTable, UsageLegend } from './observed-usage-panel';
import {
  LANDSCAPE,
  LANDSCAPE_SCHEMAS,
  MAP_FIELDS,
  withSchemaVersions,
  type Landscape,
  type LandscapeSchemas,
  type LandscapeWithoutSchemas,
} from './operations';

/**
 * Applications as nodes, exchanges as edges, partners apart; search, filters, focus; deep link /explorer/map?app=CASSIOPEE.
 * With `usage=observed`, referentials too, each application → referential edge coloured by observed use.
 */
export function MapView({ location }: { location: Location }) {
  const missing = useMissingFields(MAP_FIELDS);
  const usageMissing = useMissingFields(USAGE_FIELDS);
  if (!missing) return <Loading />;
  if (missing.length) return <Unavailable subgraph="catalog / exchanges" missing={missing} />;
  return <Map location={location} usageServed={usageMissing?.length === 0} />;
}

/** The selection lives in the URL (app, exchange or referential, focus, usage): every state is a link, back and forward walk it. */
const mapUrl = (params: Record<string, string | undefined>): string => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `map?${query}` : 'map';
};

// Observed usage needs the ARCHITECT role: the same token field as the Revues and Schéma views, shared for the tab.
const TOKEN_LABEL = "Jeton d'architecte (Authorization)";

function Map({ location, usageServed }: { location: Location; usageServed: boolean }) {
  const landscape = useQuery<LandscapeWithoutSchemas>(LANDSCAPE, {});
  const schemas = useQuery<LandscapeSchemas>(LANDSCAPE_SCHEMAS, {});
  const data = useMemo<Landscape | undefined>(
    () => (landscape.data && schemas.data ? withSchemaVersions(landscape.data, schemas.data) : undefined),
    [landscape.data, schemas.data],
  );
  const error = landscape.error ?? schemas.error;
  const [domain, setDomain] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [asTable, setAsTable] = useState(false);
  const cy = useRef<Core>();
  const app = location.params.get('app') ?? undefined;
  const exchange = location.params.get('exchange') ?? undefined;
  const focus = location.params.get('focus') === '1' && app ? app : undefined;
  const usageOn = usageServed && location.params.get('usage') === 'observed';
  const referential = (app && usageOn && location.params.get('referential')) || undefined;
  const [token, setToken] = useAuthorization();
  // One load per pause in typing the token, not per key: each load is a request per referential.
  const observed = useObservedUsage(usageOn, useDebounced(authorizationHeader(token), 300));
  const visible = useMemo(() => (data ? visibleLandscape(data, { domain, status, focus }) : undefined), [data, domain, status, focus]);
  const readings = useMemo<UsageEdge[]>(() => {
    if (observed.state !== 'ok' || !visible) return [];
    const shown = new Set(visible.applications.map((a) => a.code));
    return [...observed.usage.readers].flatMap(([code, readers]) => usageEdges(code, readers, shown));
  }, [observed, visible]);
  const referentialNames = observed.state === 'ok' ? observed.usage.referentials : undefined;
  const elements = useMemo(
    () => (visible ? [...landscapeElements(visible), ...readingElements(readings, referentialNames)] : []),
    [visible, readings, referentialNames],
  );
  const names = useMemo(() => new globalThis.Map((data?.applications ?? []).map((a) => [a.code, a.name])), [data]);
  const appName = app && names.get(app);
  const chosen = exchange ? data?.exchanges.find((x) => x.code === exchange) : undefined;
  const reading = referential ? readings.find((e) => e.application === app && e.referential === referential) : undefined;
  const readingKey = reading && readingId(reading.application, reading.referential);
  const [panel, setPanel] = useState<HTMLElement | null>(null);
  usePageTitle(
    chosen?.name ?? (referential && `${appName ?? app} → ${referentialNames?.get(referential) ?? referential}`) ?? appName ?? app,
    focus && 'voisinage',
    'Cartographie',
  );
  useScrollIntoView(app || exchange ? panel : null, `${app}/${exchange}/${referential}`);
  const options = useMemo<ComboOption[]>(() => {
    const typed = search.trim().toLowerCase();
    if (!typed || !data) return [];
    return data.applications
      .filter((a) => a.name.toLowerCase().includes(typed) || a.code.toLowerCase().includes(typed))
      .slice(0, 8)
      .map((a) => ({ id: a.code, label: a.name, hint: `${a.code} · ${label('ApplicationDomain', a.domain)}` }));
  }, [search, data]);
  if (error) return <ErrorBox error={error} />;
  if (!data || !visible) return <Loading />;
  const usage = usageOn ? 'observed' : undefined;
  const selectApp = (code: string | undefined) => navigate(mapUrl({ app: code, focus: code && focus ? '1' : undefined, usage }));
  const selectExchange = (code: string) => navigate(mapUrl({ app, exchange: code, focus: focus && '1', usage }));
  const selectReading = (application: string, code: string) => navigate(mapUrl({ app: application, referential: code, focus: focus && '1', usage }));
  const summary = `${visible.applications.length} application(s) · ${visible.exchanges.length} échange(s) · ${visible.partners.length} partenaire(s)`;
  return (
    <div className="columns">
      <div className="column-main">
        <Combobox
          label="Rechercher une application"
          value={search}
          onChange={setSearch}
          options={options}
          testId="app-search"
          button="Afficher"
          onPick={(o) => {
            setSearch('');
            selectApp(o.id);
          }}
          onSubmit={(text) => {
            const first = options[0];
            if (first) {
              setSearch('');
              selectApp(first.id);
            } else if (text.trim()) setSearch(text);
          }}
          placeholder="Application, ex. Cassiopée"
        />
        <div className="toolbar">
          <select value={domain} onChange={(e) => setDomain(e.target.value)} aria-label="Domaine" data-testid="domain-filter">
            <option value="">Tous les domaines</option>
            {codes('ApplicationDomain').map((d) => (
              <option key={d} value={d}>
                {label('ApplicationDomain', d)}
              </option>
            ))}
          </select>
          <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Statut" data-testid="status-filter">
            <option value="">Tous les statuts</option>
            {codes('LifecycleStatus').map((s) => (
              <option key={s} value={s}>
                {label('LifecycleStatus', s)}
              </option>
            ))}
          </select>
          {app && (
            <label className="check">
              <input
                type="checkbox"
                checked={!!focus}
                onChange={(e) => navigate(mapUrl({ app, exchange, referential, focus: e.target.checked ? '1' : undefined, usage }))}
                data-testid="focus-toggle"
              />{' '}
              Voisinage de {appName ?? app} seulement
            </label>
          )}
          {usageServed && (
            <label className="check">
              <input
                type="checkbox"
                checked={usageOn}
                onChange={(e) => navigate(mapUrl({ app, exchange, focus: focus && '1', usage: e.target.checked ? 'observed' : undefined }))}
                data-testid="usage-toggle"
              />{' '}
              Lectures de référentiels par usage observé
            </label>
          )}
        </div>
        {usageOn && (
          <div className="usage-controls" data-testid="usage-controls">
            <TokenInput token={token} onChange={setToken} label={TOKEN_LABEL} />
            {observed.state === 'loading' && (
              <p className="usage-status" role="status">
                Usage observé…
              </p>
            )}
            {observed.state === 'error' && (
              <p className="usage-status usage-error" role="status" data-testid="usage-error">
                {observed.message}
              </p>
            )}
            {observed.state === 'ok' && <UsageLegend edges={readings} />}
          </div>
        )}
        <p className="muted map-counts" data-testid="map-counts" aria-live="polite">
          {summary}
        </p>
        <div className="toolbar">
          <div role="group" aria-label="Présentation" className="segmented">
            <button type="button" className="button-secondary" aria-pressed={!asTable} onClick={() => setAsTable(false)}>
              Graphe
            </button>
            <button type="button" className="button-secondary" aria-pressed={asTable} onClick={() => setAsTable(true)} data-testid="show-table">
              Tableau
            </button>
          </div>
          {!asTable && (
            <>
              <button type="button" className="button-secondary" onClick={() => cy.current && exportPng(cy.current)} data-testid="export-png">
                Exporter en PNG
              </button>
              <button type="button" className="button-secondary" onClick={() => cy.current && exportSvg(cy.current)} data-testid="export-svg">
                Exporter en SVG
              </button>
            </>
          )}
        </div>
        {asTable ? (
          <>
            <LandscapeTable visible={visible} onSelectApp={selectApp} onSelectExchange={selectExchange} selectedApp={app} selectedExchange={exchange} />
            {usageOn && observed.state === 'ok' && (
              <ReadingsTable edges={readings} names={names} referentials={observed.usage.referentials} selected={readingKey} onSelect={selectReading} />
            )}
          </>
        ) : (
          <>
            <LandscapeGraph
              elements={elements}
              selectedApp={app}
              selectedExchange={exchange}
              selectedReading={readingKey}
              onSelectApp={selectApp}
              onSelectExchange={selectExchange}
              onSelectReading={selectReading}
              onReady={(instance) => (cy.current = instance)}
              summary={summary}
            />
            <div className="legend small" aria-hidden="true">
              {codes('ApplicationDomain').map((d) => (
                <span key={d}>
                  <span className={`dot domain-${d}`} />
                  {label('ApplicationDomain', d)}
                </span>
              ))}
              <span>
                <span className="square" />
                Partenaire extérieur
              </span>
              <span>— actif · - - prévu · ⋯ déprécié ou retiré</span>
            </div>
          </>
        )}
      </div>
      <aside className="column-side" ref={setPanel} aria-label="Sélection">
        {chosen && (
          <Panel title="Échange">
            <ExchangePanel exchange={chosen} names={names} />
          </Panel>
        )}
        {reading && (
          <Panel title="Lecture de référentiel">
            <ReadingPanel
              edge={reading}
              applicationName={names.get(reading.application) ?? reading.application}
              referentialName={referentialNames?.get(reading.referential) ?? reading.referential}
            />
          </Panel>
        )}
        <Panel title="Application">
          {app ? (
            <ApplicationPanel code={app} exchanges={data.exchanges} names={names} selectedExchange={exchange} onSelectExchange={selectExchange} />
          ) : (
            <p className="muted">Choisissez une application sur la carte, dans le tableau ou par la recherche.</p>
          )}
        </Panel>
      </aside>
    </div>
  );
}
