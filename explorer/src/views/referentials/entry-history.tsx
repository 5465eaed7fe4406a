import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { ENTRY_HISTORY, type EntryHistory as Result } from './operations';

/** An entry's versions as a timeline, newest first. */
export function EntryHistory({ referential, code }: { referential: string; code: string }) {
  const { data, error } = useQuery<Result>(ENTRY_HISTORY, { referential, code });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const entry = data.referentialEntry;
  if (!entry) return <p className="muted">Entrée {code} introuvable.</p>;
  return (
    <div data-testid="entry-history">
      <h3><code>{entry.code}</code> {entry.label}</h3>
      <ol className="timeline">
        {[...entry.history].reverse().map((h) => (
          <li key={h.release}>
            <div className="timeline-head"><span className="badge">version {h.release}</span> <span className="tag">{h.change}</span> <span className="muted small">{h.validFrom ?? '…'} → {h.validTo ?? "aujourd'hui"}</span></div>
            <div>{h.label}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
