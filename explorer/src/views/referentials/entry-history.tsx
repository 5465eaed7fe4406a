import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { label } from '../../i18n/fr';
import { usePageTitle, useScrollIntoView } from '../../router';
import { ENTRY_DETAILS, type EntryDetails } from './operations';

/** An entry now (ancestors, attributes, legal texts) and every published version of it as a timeline, newest first. */
export function EntryHistory({ referential, code }: { referential: string; code: string }) {
  const { data, error } = useQuery<EntryDetails>(ENTRY_DETAILS, { referential, code });
  const [box, setBox] = useState<HTMLElement | null>(null);
  const name = data ? (data.entry?.label ?? data.entryHistory[data.entryHistory.length - 1]?.label) : undefined;
  usePageTitle(`${referential} ${code}${name ? ` — ${name}` : ''}`, 'Référentiels');
  useScrollIntoView(box, data && `${referential}/${code}`);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const { entry, entryHistory } = data;
  if (!entry && entryHistory.length === 0)
    return (
      <p className="notice notice-info" role="status" data-testid="entry-unknown">
        Aucune entrée {referential} n'a le code « {code} ».
      </p>
    );
  return (
    <div data-testid="entry-history" ref={setBox}>
      <h3>
        <span className="tag">{referential}</span> <code>{code}</code> {name}
      </h3>
      {entry && entry.ancestors.length > 0 && <div className="muted small">{entry.ancestors.map((a) => `${a.code} ${a.label}`).join(' › ')}</div>}
      {entry &&
        Object.entries(entry.attributes).map(([k, v]) => (
          <span key={k} className="tag">
            {k} : {String(v)}
          </span>
        ))}
      {entry &&
        (['DEFINES', 'PUNISHES'] as const).map((role) => {
          const texts = entry.legalReferences.filter((r) => r.role === role).map((r) => r.raw);
          return (
            texts.length > 0 && (
              <div key={role} className="small legal">
                <strong title={role}>{label('LegalRole', role)}</strong> {texts.join(' ; ')}
              </div>
            )
          );
        })}
      <h4>Historique</h4>
      <ol className="timeline">
        {[...entryHistory].reverse().map((h) => (
          <li key={h.recordedIn}>
            <div className="timeline-head">
              <span className="badge">
                version {h.recordedIn}
                {h.supersededIn ? ` → ${h.supersededIn}` : ''}
              </span>
              <span className="muted small">
                {h.validFrom ?? 'depuis toujours'} → {h.validTo ?? "aujourd'hui"}
              </span>
            </div>
            <div>{h.label}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
