import built from 'virtual:schema-history';
import type { ChangeLevel, SchemaVersion } from '../../../build/schema-history';
import { label } from '../../i18n/fr';
import { Panel } from '../../components/status';

const history = built as SchemaVersion[];

const LEVEL_LABEL = (level: ChangeLevel): string => label('ChangeLevel', level);

/** Changes between committed versions of schema/supergraph.graphql, computed at build time (see build/schema-history.ts). */
export function ChangeLog() {
  return (
    <Panel title="Journal des changements du schéma">
      {history.length === 0 && <p className="muted">Historique indisponible (construit hors d'un dépôt git).</p>}
      <ol className="changelog" data-testid="changelog">
        {history.map((v, i) => {
          const count = (level: ChangeLevel) => v.changes.filter((c) => c.level === level).length;
          return (
            <li key={v.commit}>
              <div className="changelog-head">
                <code>{v.commit.slice(0, 7)}</code> <span className="muted small">{v.date.slice(0, 10)}</span>
                {(['breaking', 'dangerous', 'safe'] as const).map((l) => count(l) > 0 && <span key={l} className={`badge badge-${l}`}>{count(l)} {LEVEL_LABEL(l)}</span>)}
              </div>
              <div className="small">{v.subject}</div>
              {i === history.length - 1 && <div className="muted small">Version initiale.</div>}
              {v.changes.length > 0 && (
                <details>
                  <summary className="small">{v.changes.length} changement(s)</summary>
                  <ul className="changes">
                    {v.changes.map((c, j) => <li key={j} className={`change change-${c.level}`}><span className={`badge badge-${c.level}`}>{LEVEL_LABEL(c.level)}</span> {c.message}</li>)}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
