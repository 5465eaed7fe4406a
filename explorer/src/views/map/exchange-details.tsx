import { label } from '../../i18n/fr';
import { partyOf } from './landscape-model';
import type { MapExchange } from './operations';

const latest = (x: MapExchange) => x.schemaVersions.find((v) => v.status === 'PUBLISHED') ?? x.schemaVersions[x.schemaVersions.length - 1];

/** Format, transport, signature, schema version and status of an exchange, each code kept in its tooltip. */
export function ExchangeFacts({ exchange: x }: { exchange: MapExchange }) {
  const version = latest(x);
  return (
    <span className="facts small">
      <span title={x.format}>{label('MessageFormat', x.format)}</span>
      <span title={x.transport}>{label('Transport', x.transport)}</span>
      <span title={`Signature ${x.signatureLevel}`}>signature {label('SignatureLevel', x.signatureLevel).toLowerCase()}</span>
      <span title={version ? `${version.language} ${version.status}` : undefined}>
        {version ? `schéma ${version.version} (${label('SchemaStatus', version.status).toLowerCase()})` : 'sans schéma'}
      </span>
      <span className={`status status-${x.status}`} title={x.status}>
        {label('ExchangeStatus', x.status)}
      </span>
    </span>
  );
}

/** An application's exchanges in one direction: the partner on the other side, then the facts; a name selects the exchange. */
export function ExchangeList({
  title,
  exchanges,
  side,
  names,
  onSelect,
  selected,
}: {
  title: string;
  exchanges: MapExchange[];
  side: 'producer' | 'consumers';
  names: Map<string, string>;
  onSelect: (code: string) => void;
  selected?: string;
}) {
  return (
    <>
      <h4>
        {title} ({exchanges.length})
      </h4>
      {exchanges.length === 0 ? (
        <p className="muted small">Aucun.</p>
      ) : (
        <ul className="exchange-list" data-testid={`exchanges-${side === 'producer' ? 'in' : 'out'}`}>
          {exchanges.map((x) => {
            const partners = (side === 'producer' ? (x.producer ? [x.producer] : []) : x.consumers).map((p) => partyOf(p, names).name);
            return (
              <li key={x.code} className={x.code === selected ? 'selected' : undefined}>
                <button type="button" className="link" onClick={() => onSelect(x.code)} aria-pressed={x.code === selected}>
                  {x.name}
                </button>
                <span className="small">
                  {' '}
                  {side === 'producer' ? 'de' : 'vers'} <strong>{partners.join(', ') || '—'}</strong>
                </span>
                <div>
                  <ExchangeFacts exchange={x} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** One exchange, as a click on its edge opens it. */
export function ExchangePanel({ exchange: x, names }: { exchange: MapExchange; names: Map<string, string> }) {
  return (
    <div data-testid="exchange-panel" className="app-panel">
      <h3>
        {x.name} <span className="muted small">{x.code}</span>
      </h3>
      <dl className="facts-list small">
        <dt>Producteur</dt>
        <dd>{x.producer ? partyOf(x.producer, names).name : '—'}</dd>
        <dt>Consommateurs</dt>
        <dd>{x.consumers.map((c) => partyOf(c, names).name).join(', ') || '—'}</dd>
        <dt>Format</dt>
        <dd title={x.format}>{label('MessageFormat', x.format)}</dd>
        <dt>Transport</dt>
        <dd title={x.transport}>{label('Transport', x.transport)}</dd>
        <dt>Signature</dt>
        <dd title={x.signatureLevel}>{label('SignatureLevel', x.signatureLevel)}</dd>
        <dt>Versions de schéma</dt>
        <dd>
          {x.schemaVersions.length
            ? x.schemaVersions.map((v) => `${v.version} (${label('SchemaLanguage', v.language)}, ${label('SchemaStatus', v.status).toLowerCase()})`).join(' ; ')
            : 'aucune'}
        </dd>
        <dt>Statut</dt>
        <dd title={x.status}>{label('ExchangeStatus', x.status)}</dd>
      </dl>
    </div>
  );
}
