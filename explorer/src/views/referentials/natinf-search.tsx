import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useDebounced, useQuery } from '../../api/use-query';
import { ErrorBox } from '../../components/status';
import { NATINF_SEARCH, type NatinfSearch as Result } from './operations';

const ROW_HEIGHT = 34;
// Enough for the whole NATINF list: the virtual list renders only the ~20 visible rows, so the page stays fluid.
const PAGE = 20_000;

/** Search as you type (debounced), results in a virtualised list. */
export function NatinfSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const [text, setText] = useState('');
  const settled = useDebounced(text, 200);
  const { data, error, loading } = useQuery<Result>(NATINF_SEARCH, { text: settled.trim(), first: PAGE });
  const rows = data?.natinfSearch.nodes ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  // A new search starts at its first result, not where the previous list was scrolled to.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [settled]);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div className="natinf">
      <div className="toolbar">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Code ou libellé d'infraction, ex. « vol »" aria-label="Recherche NATINF" data-testid="natinf-search" />
        <span className="muted" data-testid="natinf-count">{loading ? '…' : `${data?.natinfSearch.totalCount ?? 0} infraction(s)`}</span>
      </div>
      {error && <ErrorBox error={error} />}
      <div ref={scroller} className="virtual-list" data-testid="natinf-results">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <button key={row.code} type="button" className="virtual-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }} onClick={() => onOpen(row.code)} data-testid="natinf-row">
                <code>{row.code}</code> <span>{row.label}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
