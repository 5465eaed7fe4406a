import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useDebounced } from '../../api/use-query';
import { ErrorBox } from '../../components/status';
import { useEntryPages } from './use-entry-pages';

const ROW_HEIGHT = 34;

/**
 * Search as you type (debounced, PostgreSQL full text on the server), results in a virtualised list that fetches
 * the next page when its end scrolls into view: the full NATINF list stays fluid, only ~20 rows are in the page.
 */
export function NatinfSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 200);
  const { rows, totalCount, hasMore, loading, error, loadMore } = useEntryPages('NATINF', settled);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length + (hasMore ? 1 : 0), getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 1 && hasMore) loadMore();
  }, [last?.index, rows.length, hasMore, loadMore]);
  // A new search starts at its first result, not where the previous list was scrolled to.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [settled]);
  return (
    <div className="natinf">
      <div className="toolbar">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Code ou libellé d'infraction, ex. « vol »" aria-label="Recherche NATINF" data-testid="natinf-search" />
        <span className="muted" data-testid="natinf-count">{totalCount === undefined ? '…' : `${totalCount} infraction(s)`}</span>
      </div>
      {error && <ErrorBox error={error} />}
      <div ref={scroller} className="virtual-list" data-testid="natinf-results">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row) return <div key="more" className="virtual-row muted" style={style}>{loading ? 'Chargement…' : ''}</div>;
            return (
              <button key={row.code} type="button" className="virtual-row" style={style} onClick={() => onOpen(row.code)} data-testid="natinf-row">
                <code>{row.code}</code> <span title={row.label}>{row.label}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
