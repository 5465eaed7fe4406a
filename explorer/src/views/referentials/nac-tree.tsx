import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { ensureTabStop, treeKeyDown } from '../../components/tree-keyboard';
import { NAC_LEVEL, type NacLevel as Result } from './operations';

type Node = Result['entries']['edges'][number]['node'];
interface TreeProps {
  onOpen: (code: string) => void;
  selected?: string;
}

function NacLevel({ parent, level, ...props }: TreeProps & { parent: string | null; level: number }) {
  const { data, error } = useQuery<Result>(NAC_LEVEL, { filter: parent ? { parentCode: parent } : { level: 1 } });
  if (error)
    return (
      <li role="none">
        <ErrorBox error={error} />
      </li>
    );
  if (!data)
    return (
      <li role="none">
        <Loading />
      </li>
    );
  return (
    <>
      {data.entries.edges.map(({ node }) => (
        <NacNode key={node.code} node={node} level={level} {...props} />
      ))}
      {data.entries.pageInfo.hasNextPage && (
        <li role="none" className="muted small tree-leaf">
          … (100 premiers)
        </li>
      )}
    </>
  );
}

function NacNode({ node, level, ...props }: TreeProps & { node: Node; level: number }) {
  const [open, setOpen] = useState(false);
  const hasChildren = node.children.length > 0;
  const toggle = () => setOpen(!open);
  return (
    <li
      className="tree-node"
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={props.selected === node.code}
      tabIndex={-1}
    >
      <div className="tree-toggle" data-row onClick={() => (hasChildren ? toggle() : props.onOpen(node.code))}>
        <span
          className="chevron"
          data-toggle
          onClick={(e) => {
            if (hasChildren) {
              e.stopPropagation();
              toggle();
            }
          }}
          aria-hidden="true"
        >
          {hasChildren ? (open ? '▾' : '▸') : '·'}
        </span>
        <code>{node.code}</code> {node.label}
        {hasChildren && <span className="muted small"> ({node.children.length})</span>}
      </div>
      {open && (
        <ul className="tree" role="group">
          <NacLevel parent={node.code} level={level + 1} {...props} />
        </ul>
      )}
    </li>
  );
}

/** The NAC (natures d'affaires) as a WAI-ARIA tree, one level loaded at a time; a leaf opens its history. */
export function NacTree(props: TreeProps) {
  const tree = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // The first level arrives after the first render: give it the tab stop when it does.
    const timer = setInterval(() => {
      ensureTabStop(tree.current);
      if (tree.current?.querySelector('[tabindex="0"]')) clearInterval(timer);
    }, 200);
    return () => clearInterval(timer);
  }, []);
  return (
    <ul className="tree tree-root" role="tree" aria-label="NAC — natures d'affaires" data-testid="nac-tree" ref={tree} onKeyDown={treeKeyDown}>
      <NacLevel parent={null} level={1} {...props} />
    </ul>
  );
}
