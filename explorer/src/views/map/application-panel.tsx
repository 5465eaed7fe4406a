import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { APPLICATION_DETAILS, type ApplicationDetails } from './operations';

/** What an architect asks about one application: what it uses, where it runs, what breaks if it goes. */
export function ApplicationPanel({ code }: { code: string }) {
  const { data, error } = useQuery<ApplicationDetails>(APPLICATION_DETAILS, { code });
  if (error) return <ErrorBox error={error} />;
  if (!data?.application) return <Loading />;
  const { application: app, impactOf } = data;
  return (
    <div className="app-panel" data-testid="application-panel">
      <h3>{app.name} <span className="muted small">{app.code}</span></h3>
      <div><span className="tag">{app.domain}</span><span className="tag">{app.lifecycleStatus}</span><span className="tag">{app.ownerBureau}</span></div>
      {app.description && <p className="description">{app.description}</p>}
      <h4>Référentiels utilisés</h4>
      {app.referentialUsages.length === 0 ? <p className="muted small">Aucun.</p> : (
        <ul className="compact">{app.referentialUsages.map((u) => <li key={u.referentialCode}><strong>{u.referentialCode}</strong> <span className="muted small">{u.pinnedRelease ? `version ${u.pinnedRelease}` : 'dernière version'} · {u.mode}</span></li>)}</ul>
      )}
      <h4>Déploiements ({app.deployments.length})</h4>
      <ul className="compact scroll">{app.deployments.map((d, i) => <li key={i}>{d.court?.name ?? '—'} <span className="muted small">{d.status}{d.wave ? ` · vague ${d.wave}` : ''}{d.deployedOn ? ` · depuis le ${d.deployedOn}` : d.plannedOn ? ` · prévu le ${d.plannedOn}` : ''}</span></li>)}</ul>
      <h4>Impact d'un retrait</h4>
      {impactOf && <ImpactSummary impact={impactOf} />}
    </div>
  );
}

/** Figures first (how much breaks), then the why of each touched application and exchange. */
function ImpactSummary({ impact }: { impact: NonNullable<ApplicationDetails['impactOf']> }) {
  const figures: [number, string][] = [
    [impact.applications.length, 'application(s)'],
    [impact.exchanges.length, 'échange(s)'],
    [impact.deployments.length, 'juridiction(s)'],
    [impact.bureaus.length, 'bureau(x)'],
  ];
  const reasons = [
    ...impact.applications.map((a) => ({ key: `a:${a.application.code}`, name: a.application.name, why: a.paths[0]?.explanation })),
    ...impact.exchanges.map((x) => ({ key: `x:${x.exchange.code}`, name: x.exchange.name, why: x.paths[0]?.explanation })),
  ];
  return (
    <div className="impact" data-testid="impact">
      {figures.map(([n, label]) => <div key={label} className={`impact-figure${n === 0 ? ' impact-none' : ''}`}><strong>{n}</strong> {label}</div>)}
      <ul className="compact small">{reasons.map((r) => <li key={r.key}><strong>{r.name}</strong>{r.why && <span className="muted"> — {r.why}</span>}</li>)}</ul>
      {impact.notes.map((n) => <p key={n} className="muted small">{n}</p>)}
    </div>
  );
}
