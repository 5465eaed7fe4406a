import { label } from '../../i18n/fr';
import { readingId } from './landscape-elements';
import { EDGE_USE_STYLE, EDGE_USES, type EdgeUse, type UsageEdge } from './observed-usage-colouring';

const lastRead = (lastSeen: string | null): string => (lastSeen ? new Date(lastSeen).toLocaleDateString('fr-FR') : 'jamais (30 j)');
const declaration = (e: UsageEdge): string =>
  e.reader.declared
    ? `${label('UsageMode', e.reader.declaredMode)}, ${e.reader.pinnedRelease ? `version ${e.reader.pinnedRelease}` : 'dernière version'}`
    : 'aucune';

/** A line sample of the use's colour and dash, beside its label. */
const Swatch = ({ use }: { use: EdgeUse }) => (
  <svg className="usage-swatch" width="28" height="10" aria-hidden="true">
    <line x1="0" y1="5" x2="28" y2="5" stroke={EDGE_USE_STYLE[use].color} strokeWidth="3" strokeDasharray={EDGE_USE_STYLE[use].dashed ? '6 4' : undefined} />
  </svg>
);

/** The three colours of the reading edges, each with how many edges have it. */
export function UsageLegend({ edges }: { edges: UsageEdge[] }) {
  return (
    <ul className="legend usage-legend small" aria-label="Légende de l'usage observé" data-testid="usage-legend">
      {EDGE_USES.map((use) => (
        <li key={use} data-use={use}>
          <Swatch use={use} />
          {EDGE_USE_STYLE[use].label} ({edges.filter((e) => e.use === use).length})
        </li>
      ))}
      <li>épaisseur : requêtes sur 30 jours</li>
    </ul>
  );
}

/** One application → referential edge: how it is used, declared, and read over the last 30 days. */
export function ReadingPanel({ edge, applicationName, referentialName }: { edge: UsageEdge; applicationName: string; referentialName: string }) {
  return (
    <dl className="facts-list" data-testid="reading-panel" data-use={edge.use}>
      <dt>Application</dt>
      <dd>
        {applicationName} <span className="muted small">{edge.application}</span>
      </dd>
      <dt>Référentiel</dt>
      <dd>
        {referentialName} <span className="muted small">{edge.referential}</span>
      </dd>
      <dt>Usage observé</dt>
      <dd>
        <Swatch use={edge.use} />
        {EDGE_USE_STYLE[edge.use].label}
      </dd>
      <dt>Déclaration</dt>
      <dd>{declaration(edge)}</dd>
      <dt>Requêtes (30 j)</dt>
      <dd data-testid="reading-requests">{edge.reader.requests.toLocaleString('fr-FR')}</dd>
      <dt>Dernière lecture</dt>
      <dd>{lastRead(edge.reader.lastSeen)}</dd>
    </dl>
  );
}

/** The reading edges as a table: the graph's colours said in words, each row opening its edge. */
export function ReadingsTable({
  edges,
  names,
  referentials,
  selected,
  onSelect,
}: {
  edges: UsageEdge[];
  names: ReadonlyMap<string, string>;
  referentials: ReadonlyMap<string, string>;
  selected?: string;
  onSelect: (application: string, referential: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="readings-table">
        <caption>Lectures de référentiels, usage observé sur 30 jours ({edges.length})</caption>
        <thead>
          <tr>
            <th scope="col">Application → référentiel</th>
            <th scope="col">Usage observé</th>
            <th scope="col">Déclaration</th>
            <th scope="col">Requêtes</th>
            <th scope="col">Dernière lecture</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr
              key={readingId(e.application, e.referential)}
              className={readingId(e.application, e.referential) === selected ? 'selected' : undefined}
              data-use={e.use}
            >
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(e.application, e.referential)}>
                  {names.get(e.application) ?? e.application} → {referentials.get(e.referential) ?? e.referential}
                </button>
              </th>
              <td>
                <Swatch use={e.use} />
                {EDGE_USE_STYLE[e.use].label}
              </td>
              <td>{declaration(e)}</td>
              <td>{e.reader.requests.toLocaleString('fr-FR')}</td>
              <td>{lastRead(e.reader.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
