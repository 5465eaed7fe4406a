import { useState } from 'react';
import { useMissingFields } from '../../api/supergraph-context';
import { Loading, Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { navigate, usePageTitle, type Location } from '../../router';
import { EntryHistory } from './entry-history';
import { NacTree } from './nac-tree';
import { NatinfSearch } from './natinf-search';
import { REFERENTIALS_FIELDS } from './operations';
import { ReleaseDiff } from './release-diff';

type Referential = 'NATINF' | 'NAC';
const open = (referential: Referential) => (code: string) => navigate(`referentials/${referential}/${encodeURIComponent(code)}`);

/** NAC as a tree, NATINF searched as you type, an entry's history and a release diff. Deep link: /explorer/referentials/NATINF/41. */
export function ReferentialsView({ location }: { location: Location }) {
  const missing = useMissingFields(REFERENTIALS_FIELDS);
  const [, referential, code] = location.segments;
  const selected = (referential === 'NATINF' || referential === 'NAC') && code ? { referential: referential as Referential, code } : undefined;
  const [diffOf, setDiffOf] = useState<Referential>('NATINF');
  usePageTitle(selected ? null : 'Référentiels');
  if (!missing) return <Loading />;
  if (missing.length) return <Unavailable subgraph="referentials" missing={missing} />;
  return (
    <div className="columns columns-3">
      <div className="column-first">
        <Panel title="Entrée et son historique" id="entry-panel">
          {selected ? (
            <EntryHistory {...selected} />
          ) : referential ? (
            <p className="notice notice-info" role="status">
              Référentiel « {referential} » inconnu de l'explorateur : NATINF ou NAC.
            </p>
          ) : (
            <p className="muted">Choisissez une entrée NATINF ou NAC.</p>
          )}
        </Panel>
        <Panel
          title="Différences entre versions"
          aside={
            <select value={diffOf} onChange={(e) => setDiffOf(e.target.value as Referential)} aria-label="Référentiel comparé">
              <option>NATINF</option>
              <option>NAC</option>
            </select>
          }
        >
          <ReleaseDiff referential={diffOf} />
        </Panel>
      </div>
      <Panel title="NATINF — infractions">
        <NatinfSearch onOpen={open('NATINF')} selected={selected?.referential === 'NATINF' ? selected.code : undefined} />
      </Panel>
      <Panel title="NAC — natures d'affaires">
        <div className="scroll-tall">
          <NacTree onOpen={open('NAC')} selected={selected?.referential === 'NAC' ? selected.code : undefined} />
        </div>
      </Panel>
    </div>
  );
}
