import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { NAC_TREE, type NacTree as Result } from './operations';

function NacLevel({ parent, onOpen }: { parent: string | null; onOpen: (code: string) => void }) {
  const { data, error } = useQuery<Result>(NAC_TREE, { parent });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return <ul className="tree">{data.nacTree.map((n) => <NacNode key={n.code} node={n} onOpen={onOpen} />)}</ul>;
}

function NacNode({ node, onOpen }: { node: Result['nacTree'][number]; onOpen: (code: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="tree-node">
      <button type="button" className="tree-toggle" onClick={() => (node.hasChildren ? setOpen(!open) : onOpen(node.code))} aria-expanded={node.hasChildren ? open : undefined}>
        <span className="chevron">{node.hasChildren ? (open ? '▾' : '▸') : '·'}</span>
        <code>{node.code}</code> {node.label}
      </button>
      {open && <NacLevel parent={node.code} onOpen={onOpen} />}
    </li>
  );
}

/** The NAC (nature of cases) as a tree, one level loaded at a time. */
export const NacTree = ({ onOpen }: { onOpen: (code: string) => void }) => <NacLevel parent={null} onOpen={onOpen} />;
