import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDebounced } from '../../api/use-query';
import { ErrorBox } from '../../components/status';
import { useEntryPages } from './use-entry-pages';

const ROW_HEIGHT = 34;

/**
 * Search as you type (debounced, PostgreSQL full text on the server), results in a virtualised list that fetches
 * the next page when its end scrolls into view: the full NATINF list stays fluid, only ~20 rows are in the page.
 * The list is a WAI-ARIA listbox: ↓ from the field enters it, arrows, Home/End move, Enter opens the entry.
 */
export function NatinfSearch({ onOpen, selected }: { onOpen: (code: string) => void; selected?: string }) {
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 200);
  const { rows, totalCount, hasMore, loading, error, loadMore } = useEntryPages('NATINF', settled);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const virtual = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items.at(-1)?.index;
  useEffect(() => {
    if (lastIndex !== undefined && lastIndex >= rows.length - 1 && hasMore) loadMore();
  }, [lastIndex, rows.length, hasMore, loadMore]);
  // A new search starts at its first result, not where the previous list was scrolled to.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setActive(-1);
  }, [settled]);
  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const listKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(active + 10),
      PageUp: () => move(active - 10),
      Enter: () => rows[active] && onOpen(rows[active].code),
    };
    if (!keys[event.key]) return;
    event.preventDefault();
    keys[event.key]();
  };
  return (
    <div className="natinf">
      <div className="toolbar">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Code ou libellé d'infraction, ex. « conduite »"
          aria-label="Recherche NATINF"
          data-testid="natinf-search"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows.length) {
              e.preventDefault();
              scroller.current?.focus();
              move(0);
            }
          }}
        />
        <span className="muted" data-testid="natinf-count" aria-live="polite">
          {totalCount === undefined ? '…' : `${totalCount} infraction(s)`}
        </span>
      </div>
      {error && <ErrorBox error={error} />}
      <div
        ref={scroller}
        className="virtual-list"
        data-testid="natinf-results"
        role="listbox"
        aria-label="Infractions NATINF"
        tabIndex={0}
        aria-activedescendant={active >= 0 && rows[active] ? `natinf-${rows[active].code}` : undefined}
        onKeyDown={listKeyDown}
        onFocus={() => active < 0 && rows.length && setActive(0)}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }} role="presentation">
          {items.map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row)
              return (
                <div key="more" className="virtual-row muted" style={style} role="presentation">
                  {loading ? 'Chargement…' : ''}
                </div>
              );
            const className = `virtual-row${item.index === active ? ' active' : ''}${row.code === selected ? ' selected' : ''}`;
            return (
              <div
                key={row.code}
                id={`natinf-${row.code}`}
                role="option"
                aria-selected={row.code === selected}
                className={className}
                style={style}
                onClick={() => {
                  setActive(item.index);
                  onOpen(row.code);
                }}
                data-testid="natinf-row"
              >
                <code>{row.code}</code> <span title={row.label}>{row.label}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
