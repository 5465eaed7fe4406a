import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { ENTRY_DETAILS, type EntryDetails } from './operations';

const ROLE = { DEFINES: 'Définie par', PUNISHES: 'Réprimée par' } as const;

/** An entry now (ancestors, attributes, legal texts) and every published version of it as a timeline, newest first. */
export function EntryHistory({ referential, code }: { referential: string; code: string }) {
  const { data, error } = useQuery<EntryDetails>(ENTRY_DETAILS, { referential, code });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const { entry, entryHistory } = data;
  return (
    <div data-testid="entry-history">
      <h3><span className="tag">{referential}</span> <code>{code}</code> {entry?.label ?? entryHistory[entryHistory.length - 1]?.label}</h3>
      {entry && entry.ancestors.length > 0 && <div className="muted small">{entry.ancestors.map((a) => `${a.code} ${a.label}`).join(' › ')}</div>}
      {entry && Object.entries(entry.attributes).map(([k, v]) => <span key={k} className="tag">{k} : {String(v)}</span>)}
      {entry && (['DEFINES', 'PUNISHES'] as const).map((role) => {
        const texts = entry.legalReferences.filter((r) => r.role === role).map((r) => r.raw);
        return texts.length > 0 && <div key={role} className="small legal"><strong>{ROLE[role]}</strong> {texts.join(' ; ')}</div>;
      })}
      <ol className="timeline">
        {[...entryHistory].reverse().map((h) => (
          <li key={h.recordedIn}>
            <div className="timeline-head">
              <span className="badge">version {h.recordedIn}{h.supersededIn ? ` → ${h.supersededIn}` : ''}</span>
              <span className="muted small">{h.validFrom ?? 'depuis toujours'} → {h.validTo ?? "aujourd'hui"}</span>
            </div>
            <div>{h.label}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
