import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { COURT_CHILDREN, TOP_COURTS, TYPE_LABEL, type Court, type CourtChildren, type TopCourts } from './operations';
import { today } from './today';

function CourtLabel({ court }: { court: Court }) {
  return (
    <>
      <span className={`dot type-${court.type}`} title={TYPE_LABEL[court.type]} />
      <span className="court-name">{court.name}</span>
      <span className="muted small"> {TYPE_LABEL[court.type]} · {court.code}</span>
    </>
  );
}

/** Children load when a node opens: the tree has ~1 500 courts, the first screen needs 37. */
function CourtNode({ court, at, open: initiallyOpen = false }: { court: Court; at: string; open?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const { data, error } = useQuery<CourtChildren>(COURT_CHILDREN, { code: court.code, at }, !open);
  const children = data?.court?.children ?? [];
  return (
    <li className="tree-node" data-code={court.code}>
      <button type="button" className="tree-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="chevron">{open ? '▾' : '▸'}</span>
        <CourtLabel court={court} />
      </button>
      {open && (
        <ul className="tree">
          {error && <li><ErrorBox error={error} /></li>}
          {!data && !error && <li><Loading /></li>}
          {data && children.length === 0 && <li className="muted small tree-leaf">Aucune juridiction rattachée.</li>}
          {children.map((c) => <CourtNode key={c.code} court={c} at={at} />)}
        </ul>
      )}
    </li>
  );
}

export function CourtTree() {
  const [at, setAt] = useState(today());
  const { data, error } = useQuery<TopCourts>(TOP_COURTS, { at });
  const roots = data ? [...data.appeal.edges, ...data.superior.edges].map((e) => e.node) : [];
  return (
    <div>
      <div className="toolbar">
        <label>En vigueur le <input type="date" value={at} onChange={(e) => setAt(e.target.value || today())} /></label>
        {data && <span className="muted">{roots.length} juridictions d'appel</span>}
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading />}
      <ul className="tree tree-root" data-testid="court-tree">
        {roots.map((c) => <CourtNode key={c.code} court={c} at={at} />)}
      </ul>
    </div>
  );
}
