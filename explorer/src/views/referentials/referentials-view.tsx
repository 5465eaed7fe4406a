import { useState } from 'react';
import { useMissingFields } from '../../api/supergraph-context';
import { Loading, Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { EntryHistory } from './entry-history';
import { NacTree } from './nac-tree';
import { NatinfSearch } from './natinf-search';
import { REFERENTIALS_FIELDS } from './operations';
import { ReleaseDiff } from './release-diff';

type Open = { referential: 'NATINF' | 'NAC'; code: string };

/** NAC as a tree, NATINF searched as you type, an entry's history and a release diff. */
export function ReferentialsView() {
  const missing = useMissingFields(REFERENTIALS_FIELDS);
  const [open, setOpen] = useState<Open>();
  const [diffOf, setDiffOf] = useState<'NATINF' | 'NAC'>('NATINF');
  if (!missing) return <Loading />;
  if (missing.length) return <Unavailable subgraph="referentials" missing={missing} />;
  return (
    <div className="columns columns-3">
      <Panel title="NATINF — infractions"><NatinfSearch onOpen={(code) => setOpen({ referential: 'NATINF', code })} /></Panel>
      <Panel title="NAC — natures d'affaires"><div className="scroll-tall"><NacTree onOpen={(code) => setOpen({ referential: 'NAC', code })} /></div></Panel>
      <div>
        <Panel title="Historique de l'entrée">{open ? <EntryHistory {...open} /> : <p className="muted">Choisissez une entrée.</p>}</Panel>
        <Panel title="Différences entre versions" aside={
          <select value={diffOf} onChange={(e) => setDiffOf(e.target.value as 'NATINF' | 'NAC')} aria-label="Référentiel"><option>NATINF</option><option>NAC</option></select>
        }><ReleaseDiff referential={diffOf} /></Panel>
      </div>
    </div>
  );
}
