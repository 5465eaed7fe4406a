import { link } from '../../router';
import { TYPE_LABEL, type CourtType } from './operations';

interface ChainCourt {
  code: string;
  name: string;
  shortName?: string;
  type: CourtType;
}

/** A court under the courts above it, read top-down: CA › TJ › the court; each step a link to its page. */
export function CourtChain({ ancestors, court }: { ancestors: ChainCourt[]; court: ChainCourt }) {
  return (
    <ol className="chain" aria-label={`Rattachement de ${court.name}`}>
      {ancestors.map((a) => (
        <li key={a.code} className="chain-step">
          <span className={`dot type-${a.type}`} aria-hidden="true" />
          <a {...link(`courts/${encodeURIComponent(a.code)}`)} title={`${TYPE_LABEL[a.type]} · ${a.code}`}>
            {a.shortName ?? a.name}
          </a>
          <span className="chain-arrow" aria-hidden="true">
            ›
          </span>
        </li>
      ))}
      <li className="chain-step">
        <span className={`dot type-${court.type}`} aria-hidden="true" />
        <strong>
          <a {...link(`courts/${encodeURIComponent(court.code)}`)} title={`${TYPE_LABEL[court.type]} · ${court.code}`}>
            {court.name}
          </a>
        </strong>
      </li>
    </ol>
  );
}
