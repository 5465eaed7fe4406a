import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { RELEASE_DIFF, RELEASES, type ReleaseDiff as Result, type Releases } from './operations';

/** Pick two published releases; see what was added, changed and removed, with a proportional bar first. */
export function ReleaseDiff({ referential }: { referential: string }) {
  const releases = useQuery<Releases>(RELEASES, { referential });
  const published = (releases.data?.referential?.releases ?? [])
    .filter((r) => r.status !== 'DRAFT')
    .map((r) => r.number)
    .sort((a, b) => a - b);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? published[published.length - 1];
  const from = picked.from ?? published[Math.max(0, published.length - 2)];
  const diff = useQuery<Result>(RELEASE_DIFF, { referential, from, to }, from === undefined || to === undefined);
  if (releases.error) return <ErrorBox error={releases.error} />;
  if (!releases.data) return <Loading />;
  if (published.length === 0) return <p className="muted">Aucune version publiée.</p>;
  const select = (value: number | undefined, key: 'from' | 'to') => (
    <select
      value={value}
      onChange={(e) => setPicked({ ...picked, [key]: Number(e.target.value) })}
      aria-label={key === 'from' ? 'Version de départ' : 'Version cible'}
    >
      {published.map((n) => (
        <option key={n} value={n}>
          version {n}
        </option>
      ))}
    </select>
  );
  const d = diff.data?.releaseDiff;
  const total = d ? Math.max(1, d.added.length + d.removed.length + d.changed.length) : 1;
  return (
    <div data-testid="release-diff">
      <div className="toolbar">
        {select(from, 'from')} → {select(to, 'to')}
      </div>
      {published.length === 1 && <p className="muted small">Une seule version publiée : rien à comparer encore.</p>}
      {diff.error && <ErrorBox error={diff.error} />}
      {d && published.length > 1 && (
        <>
          <div className="stacked-bar">
            <span className="diff-added" style={{ flex: d.added.length / total }} title="ajoutées" />
            <span className="diff-changed" style={{ flex: d.changed.length / total }} title="modifiées" />
            <span className="diff-removed" style={{ flex: d.removed.length / total }} title="supprimées" />
          </div>
          <div className="diff-columns">
            <section>
              <h4 className="diff-added-text">+ {d.added.length} ajoutée(s)</h4>
              <ul className="compact scroll">
                {d.added.map((e) => (
                  <li key={e.code}>
                    <code>{e.code}</code> {e.label}
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h4 className="diff-changed-text">~ {d.changed.length} modifiée(s)</h4>
              <ul className="compact scroll">
                {d.changed.map((e) => (
                  <li key={e.code}>
                    <code>{e.code}</code>{' '}
                    {e.changes.map((c) => (
                      <div key={c.field} className="small">
                        {c.field} : <del>{c.before}</del> <ins>{c.after}</ins>
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h4 className="diff-removed-text">− {d.removed.length} supprimée(s)</h4>
              <ul className="compact scroll">
                {d.removed.map((e) => (
                  <li key={e.code}>
                    <code>{e.code}</code> {e.label}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
