import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { COURT_COUNTS, COURT_TYPES, TYPE_LABEL, type CourtCounts } from './operations';
import { today } from './today';

/** Number of courts in force of each kind, as bars. */
export function CourtTypeChart() {
  const { data, error } = useQuery<CourtCounts>(COURT_COUNTS, { at: today() });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const max = Math.max(1, ...COURT_TYPES.map((t) => data[t].totalCount));
  return (
    <div data-testid="court-type-chart">
      {COURT_TYPES.filter((t) => data[t].totalCount > 0).map((t) => (
        <div key={t} className="bar-row">
          <span className="bar-label">
            <span className={`dot type-${t}`} />
            {TYPE_LABEL[t]}
          </span>
          <span className="bar">
            <span className={`type-bg-${t}`} style={{ width: `${(100 * data[t].totalCount) / max}%` }} />
          </span>
          <span className="bar-value">{data[t].totalCount}</span>
        </div>
      ))}
    </div>
  );
}
