import { useEffect, useState } from 'react';

/** The explorer's base path, as Vite was told (`/explorer/`). */
export const BASE = import.meta.env.BASE_URL;

export interface Location {
  /** The path below the base, e.g. "courts/100023" for /explorer/courts/100023. */
  route: string;
  /** Its segments, decoded: ["courts", "100023"]. */
  segments: string[];
  params: URLSearchParams;
}

const read = (): Location => {
  const route = window.location.pathname.slice(BASE.length).replace(/\/$/, '');
  return { route, segments: route.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(window.location.search) };
};

/** Goes to a route below the base ("courts?insee=2A004"); `replace` for refinements that should not add a history step. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (BASE + to === window.location.pathname + window.location.search) return;
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', BASE + to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link's href and click handler: a real link (new tab, copy), followed in place. */
export const link = (to: string) => ({
  href: BASE + to,
  onClick: (event: { preventDefault(): void; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; button?: number }) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || (event.button ?? 0) !== 0) return;
    event.preventDefault();
    navigate(to);
  },
});

/** History-API routing: five views do not need a router library. Back and forward come through popstate. */
export function useLocation(): Location {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return location;
}

/** The page title: the selection, then the view, then the service; `null` first leaves it to a child component. */
export function usePageTitle(...parts: (string | undefined | false | null)[]): void {
  const title = parts[0] === null ? undefined : [...parts.filter(Boolean), 'Référentiel Justice'].join(' · ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/** Brings a selected item into view once it is drawn (a deep link opens on it, a phone scrolls to it). */
export function useScrollIntoView(element: HTMLElement | null, key: unknown): void {
  useEffect(() => {
    if (!element) return;
    // Only when it is off screen (a phone, one column): on a desktop the selection is already in its panel.
    const { top, bottom } = element.getBoundingClientRect();
    if (top > window.innerHeight - 80 || bottom < 0) element.scrollIntoView({ block: 'start', behavior: 'auto' });
  }, [element, key]);
}
