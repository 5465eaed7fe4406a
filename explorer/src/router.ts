import { useEffect, useState } from 'react';

/** The explorer's base path, as Vite was told (`/explorer/`). */
export const BASE = import.meta.env.BASE_URL;

/** The path below the base, e.g. "courts" for /explorer/courts. */
const currentRoute = (): string => window.location.pathname.slice(BASE.length).replace(/\/$/, '');

export function navigate(route: string): void {
  window.history.pushState(null, '', BASE + route);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** History-API routing: five views do not need a router library. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
