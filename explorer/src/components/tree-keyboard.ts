import type { KeyboardEvent } from 'react';

const ITEM = '[role=treeitem]';

const visibleItems = (tree: HTMLElement): HTMLElement[] =>
  [...tree.querySelectorAll<HTMLElement>(ITEM)].filter((item) => !item.parentElement?.closest('[role=treeitem][aria-expanded=false]'));

/** One tab stop for the whole tree: the focused item takes it (roving tabindex). */
export function focusItem(tree: HTMLElement, item: HTMLElement | undefined): void {
  if (!item) return;
  for (const i of tree.querySelectorAll<HTMLElement>(ITEM)) i.tabIndex = i === item ? 0 : -1;
  item.focus();
}

/**
 * WAI-ARIA tree keys on a `role=tree` element whose items are `role=treeitem` (with `aria-expanded` when they have
 * children): ↑ ↓ move, → opens or enters, ← closes or goes up, Home/End, Enter and Space act (click the item's row).
 */
export function treeKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const tree = event.currentTarget;
  const item = (event.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (!item) return;
  const items = visibleItems(tree);
  const index = items.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  const row = item.querySelector<HTMLElement>('[data-row]');
  const handled = () => {
    event.preventDefault();
    event.stopPropagation();
  };
  switch (event.key) {
    case 'ArrowDown':
      handled();
      return focusItem(tree, items[index + 1]);
    case 'ArrowUp':
      handled();
      return focusItem(tree, items[index - 1]);
    case 'Home':
      handled();
      return focusItem(tree, items[0]);
    case 'End':
      handled();
      return focusItem(tree, items[items.length - 1]);
    case 'ArrowRight':
      handled();
      if (expanded === 'false') item.querySelector<HTMLElement>('[data-toggle]')?.click();
      else if (expanded === 'true') focusItem(tree, items[index + 1]);
      return;
    case 'ArrowLeft':
      handled();
      if (expanded === 'true') item.querySelector<HTMLElement>('[data-toggle]')?.click();
      else focusItem(tree, item.parentElement?.closest<HTMLElement>(ITEM) ?? undefined);
      return;
    case 'Enter':
    case ' ':
      handled();
      row?.click();
      return;
  }
}

/** The first item takes the tab stop once the tree is drawn, if none has it yet. */
export function ensureTabStop(tree: HTMLElement | null): void {
  if (!tree || tree.querySelector(`${ITEM}[tabindex="0"]`)) return;
  const first = tree.querySelector<HTMLElement>(ITEM);
  if (first) first.tabIndex = 0;
}
