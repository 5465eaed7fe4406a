import { label } from '../../i18n/fr';
import { ExchangeFacts } from './exchange-details';
import { partyOf, type VisibleLandscape } from './landscape-model';

interface TableProps {
  visible: VisibleLandscape;
  onSelectApp: (code: string) => void;
  onSelectExchange: (code: string) => void;
  selectedApp?: string;
  selectedExchange?: string;
}

/** The map's data as tables (what the graph shows, same filters): reachable with the keyboard and read by screen readers. */
export function LandscapeTable({ visible, onSelectApp, onSelectExchange, selectedApp, selectedExchange }: TableProps) {
  const names = new Map(visible.applications.map((a) => [a.code, a.name]));
  return (
    <div className="landscape-tables" data-testid="landscape-table">
      <div className="table-scroll">
        <table className="data-table">
          <caption>Applications ({visible.applications.length})</caption>
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Domaine</th>
              <th scope="col">Statut</th>
              <th scope="col">Zone</th>
            </tr>
          </thead>
          <tbody>
            {visible.applications.map((a) => (
              <tr key={a.code} className={a.code === selectedApp ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelectApp(a.code)}>
                    {a.name}
                  </button>
                </th>
                <td title={a.domain}>{label('ApplicationDomain', a.domain)}</td>
                <td title={a.lifecycleStatus}>{label('LifecycleStatus', a.lifecycleStatus)}</td>
                <td>{a.urbanisationZone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Échanges ({visible.exchanges.length})</caption>
          <thead>
            <tr>
              <th scope="col">Échange</th>
              <th scope="col">Producteur</th>
              <th scope="col">Consommateurs</th>
              <th scope="col">Caractéristiques</th>
            </tr>
          </thead>
          <tbody>
            {visible.exchanges.map((x) => (
              <tr key={x.code} className={x.code === selectedExchange ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelectExchange(x.code)}>
                    {x.name}
                  </button>
                </th>
                <td>{x.producer ? partyOf(x.producer, names).name : '—'}</td>
                <td>{x.consumers.map((c) => partyOf(c, names).name).join(', ')}</td>
                <td>
                  <ExchangeFacts exchange={x} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
