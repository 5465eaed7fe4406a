import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { ensureTabStop, treeKeyDown } from '../../components/tree-keyboard';
import { navigate } from '../../router';
import { COURT_CHILDREN, TOP_COURTS, TYPE_LABEL, type Court, type CourtChildren, type TopCourts } from './operations';
import { today } from './today';

function CourtLabel({ court }: { court: Court }) {
  return (
    <>
      <span className={`dot type-${court.type}`} title={TYPE_LABEL[court.type]} aria-hidden="true" />
      <span className="court-name">{court.name}</span>
      <span className="muted small">
        {' '}
        {TYPE_LABEL[court.type]} · {court.code}
      </span>
    </>
  );
}

/** Children load when a node opens: the tree has ~1 500 courts, the first screen needs 37. */
function CourtNode({ court, at, level, selected }: { court: Court; at: string; level: number; selected?: string }) {
  const [open, setOpen] = useState(false);
  const { data, error } = useQuery<CourtChildren>(COURT_CHILDREN, { code: court.code, at }, !open);
  const children = data?.court?.children ?? [];
  // The row selects the court (its page) and opens it; the chevron only opens or closes.
  const select = () => {
    setOpen(true);
    navigate(`courts/${encodeURIComponent(court.code)}`);
  };
  return (
    <li
      className="tree-node"
      data-code={court.code}
      role="treeitem"
      aria-expanded={open}
      aria-level={level}
      aria-selected={selected === court.code}
      tabIndex={-1}
    >
      <div className="tree-toggle" data-row onClick={select}>
        <span
          className="chevron"
          data-toggle
          onClick={(e) => {
            e.stopPropagation();
            setOpen(!open);
          }}
          aria-hidden="true"
        >
          {open ? '▾' : '▸'}
        </span>
        <CourtLabel court={court} />
      </div>
      {open && (
        <ul className="tree" role="group">
          {error && (
            <li role="none">
              <ErrorBox error={error} />
            </li>
          )}
          {!data && !error && (
            <li role="none">
              <Loading />
            </li>
          )}
          {data && children.length === 0 && (
            <li role="none" className="muted small tree-leaf">
              Aucune juridiction rattachée.
            </li>
          )}
          {children.map((c) => (
            <CourtNode key={c.code} court={c} at={at} level={level + 1} selected={selected} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The court hierarchy as a WAI-ARIA tree: arrows move and open, Enter opens the court's page. */
export function CourtTree({ selected }: { selected?: string }) {
  const [at, setAt] = useState(today());
  const { data, error } = useQuery<TopCourts>(TOP_COURTS, { at });
  const roots = data ? [...data.appeal.edges, ...data.superior.edges].map((e) => e.node) : [];
  const tree = useRef<HTMLUListElement>(null);
  useEffect(() => ensureTabStop(tree.current), [data]);
  return (
    <div>
      <div className="toolbar">
        <label>
          En vigueur le <input type="date" value={at} onChange={(e) => setAt(e.target.value || today())} />
        </label>
        {data && <span className="muted">{roots.length} juridictions d'appel</span>}
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading />}
      <ul className="tree tree-root" role="tree" aria-label="Hiérarchie des juridictions" data-testid="court-tree" ref={tree} onKeyDown={treeKeyDown}>
        {roots.map((c) => (
          <CourtNode key={c.code} court={c} at={at} level={1} selected={selected} />
        ))}
      </ul>
    </div>
  );
}
