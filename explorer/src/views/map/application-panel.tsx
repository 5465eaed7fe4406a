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
      <ul className="compact scroll">{app.deployments.map((d, i) => <li key={i}>{d.court?.name ?? '—'} <span className="muted small">{d.status}{d.wave ? ` · vague ${d.wave}` : ''}{d.goLiveDate ? ` · ${d.goLiveDate}` : ''}</span></li>)}</ul>
      <h4>Impact d'un retrait</h4>
      {impactOf ? (
        <div className="impact" data-testid="impact">
          <div className="impact-figure"><strong>{impactOf.applications.length}</strong> application(s)</div>
          <div className="impact-figure"><strong>{impactOf.exchanges.length}</strong> échange(s)</div>
          <div className="impact-figure"><strong>{impactOf.courts.length}</strong> juridiction(s)</div>
          <ul className="compact small">{[...impactOf.applications, ...impactOf.exchanges].map((x) => <li key={x.code}>{x.name}</li>)}</ul>
        </div>
      ) : <p className="muted small">Aucun impact calculé.</p>}
    </div>
  );
}
