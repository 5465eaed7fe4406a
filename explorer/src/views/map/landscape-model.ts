import { label } from '../../i18n/fr';
import type { Landscape, MapApplication, MapExchange, MapParty } from './operations';

export interface LandscapeFilter {
  domain?: string;
  status?: string;
  /** Only this application and the applications and partners it exchanges with. */
  focus?: string;
}

export interface Party {
  /** `app:CODE` or `partner:NAME`: the graph's node id. */
  id: string;
  name: string;
  application?: string;
}

export interface VisibleLandscape {
  applications: MapApplication[];
  /** Exchanges with a drawn end on each side. */
  exchanges: MapExchange[];
  partners: Party[];
}

/** A party as the map draws it: an application by its code, a partner by its name (several LRPs are one POLICE). */
export function partyOf(p: MapParty, names: Map<string, string>): Party {
  if (p.application) return { id: `app:${p.application.code}`, name: names.get(p.application.code) ?? p.application.code, application: p.application.code };
  const name = p.partnerName ?? label('ExternalPartner', p.partner) ?? 'Partenaire';
  return { id: `partner:${name}`, name };
}

const appCodes = (x: MapExchange): string[] => [x.producer, ...x.consumers].flatMap((p) => (p?.application ? [p.application.code] : []));

/** The applications the filters keep, the exchanges between what is drawn, and only the partners still linked: counts follow. */
export function visibleLandscape(landscape: Landscape, filter: LandscapeFilter): VisibleLandscape {
  let shown = new Set(
    landscape.applications
      .filter((a) => (!filter.domain || a.domain === filter.domain) && (!filter.status || a.lifecycleStatus === filter.status))
      .map((a) => a.code),
  );
  if (filter.focus) {
    const neighbours = new Set([filter.focus]);
    for (const x of landscape.exchanges) if (appCodes(x).includes(filter.focus)) appCodes(x).forEach((c) => neighbours.add(c));
    shown = neighbours;
  }
  const names = new Map(landscape.applications.map((a) => [a.code, a.name]));
  const exchanges = landscape.exchanges.filter((x) => {
    const ends = [x.producer, ...x.consumers].filter((p): p is MapParty => !!p);
    const apps = ends.filter((p) => p.application);
    // Every application end drawn; in focus, the exchange must touch the focused application.
    return apps.length > 0 && apps.every((p) => shown.has(p.application!.code)) && (!filter.focus || appCodes(x).includes(filter.focus));
  });
  const partners = new Map<string, Party>();
  for (const x of exchanges)
    for (const p of [x.producer, ...x.consumers])
      if (p && !p.application) {
        const party = partyOf(p, names);
        partners.set(party.id, party);
      }
  return { applications: landscape.applications.filter((a) => shown.has(a.code)), exchanges, partners: [...partners.values()] };
}

/** An application's exchanges, split by direction: what it receives and what it sends. */
export function exchangesOf(code: string, exchanges: MapExchange[]): { incoming: MapExchange[]; outgoing: MapExchange[] } {
  return {
    incoming: exchanges.filter((x) => x.consumers.some((c) => c.application?.code === code)),
    outgoing: exchanges.filter((x) => x.producer?.application?.code === code),
  };
}
