import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { RELEASE_DIFF, type ReleaseDiff as Result } from './operations';

/** What a release added, removed and changed, side by side with proportional bars. */
export function ReleaseDiff({ referential }: { referential: string }) {
  const [to, setTo] = useState<number | undefined>();
  const { data, error } = useQuery<Result>(RELEASE_DIFF, { referential, to });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const d = data.releaseDiff;
  const total = Math.max(1, d.added.length + d.removed.length + d.changed.length);
  return (
    <div data-testid="release-diff">
      <div className="toolbar">
        <span>Version {d.from} → </span>
        <input type="number" min={1} value={to ?? d.to} onChange={(e) => setTo(Number(e.target.value) || undefined)} aria-label="Version cible" />
      </div>
      <div className="stacked-bar">
        <span className="diff-added" style={{ flex: d.added.length / total }} title="ajoutées" />
        <span className="diff-changed" style={{ flex: d.changed.length / total }} title="modifiées" />
        <span className="diff-removed" style={{ flex: d.removed.length / total }} title="supprimées" />
      </div>
      <div className="diff-columns">
        <section><h4 className="diff-added-text">+ {d.added.length} ajoutée(s)</h4><ul className="compact scroll">{d.added.map((e) => <li key={e.code}><code>{e.code}</code> {e.label}</li>)}</ul></section>
        <section><h4 className="diff-changed-text">~ {d.changed.length} modifiée(s)</h4><ul className="compact scroll">{d.changed.map((e) => <li key={e.code}><code>{e.code}</code> <del>{e.before}</del> <ins>{e.after}</ins></li>)}</ul></section>
        <section><h4 className="diff-removed-text">− {d.removed.length} supprimée(s)</h4><ul className="compact scroll">{d.removed.map((e) => <li key={e.code}><code>{e.code}</code> {e.label}</li>)}</ul></section>
      </div>
    </div>
  );
}
