import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { NAC_LEVEL, type NacLevel as Result } from './operations';

type Node = Result['entries']['edges'][number]['node'];

function NacLevel({ parent, onOpen }: { parent: string | null; onOpen: (code: string) => void }) {
  const { data, error } = useQuery<Result>(NAC_LEVEL, { filter: parent ? { parentCode: parent } : { level: 1 } });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <ul className={parent ? 'tree' : 'tree tree-root'} data-testid={parent ? undefined : 'nac-tree'}>
      {data.entries.edges.map(({ node }) => <NacNode key={node.code} node={node} onOpen={onOpen} />)}
      {data.entries.pageInfo.hasNextPage && <li className="muted small tree-leaf">… (100 premiers)</li>}
    </ul>
  );
}

function NacNode({ node, onOpen }: { node: Node; onOpen: (code: string) => void }) {
  const [open, setOpen] = useState(false);
  const hasChildren = node.children.length > 0;
  return (
    <li className="tree-node">
      <button type="button" className="tree-toggle" onClick={() => (hasChildren ? setOpen(!open) : onOpen(node.code))} aria-expanded={hasChildren ? open : undefined}>
        <span className="chevron">{hasChildren ? (open ? '▾' : '▸') : '·'}</span>
        <code>{node.code}</code> {node.label}
        {hasChildren && <span className="muted small"> ({node.children.length})</span>}
      </button>
      {open && <NacLevel parent={node.code} onOpen={onOpen} />}
    </li>
  );
}

/** The NAC (natures d'affaires) as a tree, one level loaded at a time; a leaf opens its history. */
export const NacTree = ({ onOpen }: { onOpen: (code: string) => void }) => <NacLevel parent={null} onOpen={onOpen} />;
