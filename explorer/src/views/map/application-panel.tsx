import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { label } from '../../i18n/fr';
import { link } from '../../router';
import { ExchangeList } from './exchange-details';
import { exchangesOf } from './landscape-model';
import { APPLICATION_DETAILS, type ApplicationDetails, type MapExchange } from './operations';

interface PanelProps {
  code: string;
  exchanges: MapExchange[];
  names: Map<string, string>;
  selectedExchange?: string;
  onSelectExchange: (code: string) => void;
}

/** What an architect asks about one application: what it exchanges, uses, where it runs, what breaks if it goes. */
export function ApplicationPanel({ code, exchanges, names, selectedExchange, onSelectExchange }: PanelProps) {
  const { data, error } = useQuery<ApplicationDetails>(APPLICATION_DETAILS, { code });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  if (!data.application)
    return (
      <p className="notice notice-info" role="status" data-testid="application-unknown">
        Aucune application n'a le code « {code} ».
      </p>
    );
  const { application: app, impactOf } = data;
  const { incoming, outgoing } = exchangesOf(code, exchanges);
  return (
    <div className="app-panel" data-testid="application-panel">
      <h3>
        {app.name} <span className="muted small">{app.code}</span>
      </h3>
      <div>
        <span className="tag" title={app.domain}>
          {label('ApplicationDomain', app.domain)}
        </span>
        <span className="tag" title={app.lifecycleStatus}>
          {label('LifecycleStatus', app.lifecycleStatus)}
        </span>
        <span className="tag">{app.ownerBureau}</span>
      </div>
      {app.description && <p className="description">{app.description}</p>}
      <ExchangeList title="Échanges reçus" exchanges={incoming} side="producer" names={names} onSelect={onSelectExchange} selected={selectedExchange} />
      <ExchangeList title="Échanges émis" exchanges={outgoing} side="consumers" names={names} onSelect={onSelectExchange} selected={selectedExchange} />
      <h4>Référentiels utilisés</h4>
      {app.referentialUsages.length === 0 ? (
        <p className="muted small">Aucun.</p>
      ) : (
        <ul className="compact">
          {app.referentialUsages.map((u) => (
            <li key={u.referentialCode}>
              <strong>{u.referentialCode}</strong>{' '}
              <span className="muted small">
                {u.pinnedRelease ? `version ${u.pinnedRelease}` : 'dernière version'} · <span title={u.mode}>{label('UsageMode', u.mode)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>Déploiements ({app.deployments.length})</h4>
      <ul className="compact scroll">
        {app.deployments.map((d, i) => (
          <li key={i}>
            {d.court ? <a {...link(`courts/${encodeURIComponent(d.court.code)}`)}>{d.court.name}</a> : '—'}{' '}
            <span className="muted small">
              <span title={d.status}>{label('DeploymentStatus', d.status)}</span>
              {d.wave ? ` · vague ${d.wave}` : ''}
              {d.deployedOn ? ` · depuis le ${d.deployedOn}` : d.plannedOn ? ` · prévu le ${d.plannedOn}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <h4>Impact d'un retrait</h4>
      {impactOf && <ImpactSummary impact={impactOf} retired={app.code} />}
    </div>
  );
}

/** Figures first (how much breaks), then the why of each touched application and exchange; the retired one is not its own impact. */
function ImpactSummary({ impact, retired }: { impact: NonNullable<ApplicationDetails['impactOf']>; retired: string }) {
  const applications = impact.applications.filter((a) => a.application.code !== retired);
  const figures: [number, string, string][] = [
    [applications.length, 'autre(s) application(s)', 'applications'],
    [impact.exchanges.length, 'échange(s)', 'exchanges'],
    [impact.deployments.length, 'juridiction(s)', 'courts'],
    [impact.bureaus.length, 'bureau(x)', 'bureaus'],
  ];
  const reasons = [
    ...applications.map((a) => ({ key: `a:${a.application.code}`, name: a.application.name, why: a.paths[0]?.explanation })),
    ...impact.exchanges.map((x) => ({ key: `x:${x.exchange.code}`, name: x.exchange.name, why: x.paths[0]?.explanation })),
  ];
  return (
    <div className="impact" data-testid="impact">
      {figures.map(([n, text, id]) => (
        <div key={id} className={`impact-figure${n === 0 ? ' impact-none' : ''}`} data-testid={`impact-${id}`}>
          <strong>{n}</strong> {text}
        </div>
      ))}
      <ul className="compact small">
        {reasons.map((r) => (
          <li key={r.key}>
            <strong>{r.name}</strong>
            {r.why && <span className="muted"> — {r.why}</span>}
          </li>
        ))}
      </ul>
      {impact.notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
    </div>
  );
}
