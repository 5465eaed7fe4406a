import type { ElementDefinition } from 'cytoscape';
import type { Landscape, MapParty } from './operations';

export const MINISTRY = '__ministry';
export const PARTNERS = '__partners';

/** Graph elements: applications inside the ministry box, external partners in their own box, one edge per producer → consumer pair. */
export function landscapeElements(landscape: Landscape, visible: (code: string) => boolean): ElementDefinition[] {
  const elements: ElementDefinition[] = [
    { data: { id: MINISTRY, label: 'Ministère de la Justice' }, classes: 'group' },
    { data: { id: PARTNERS, label: 'Partenaires extérieurs' }, classes: 'group partners' },
  ];
  for (const a of landscape.applications.filter((a) => visible(a.code))) {
    elements.push({ data: { id: `app:${a.code}`, code: a.code, label: a.name, parent: MINISTRY, domain: a.domain, status: a.lifecycleStatus }, classes: `app domain-${a.domain} status-${a.lifecycleStatus}` });
  }
  const partners = new Set<string>();
  const nodeOf = (p: MapParty): string | undefined => {
    if (p.application) return visible(p.application.code) ? `app:${p.application.code}` : undefined;
    const name = p.partnerName ?? p.partner ?? 'Partenaire';
    const id = `partner:${name}`;
    if (!partners.has(id)) {
      partners.add(id);
      elements.push({ data: { id, label: name, parent: PARTNERS }, classes: 'partner' });
    }
    return id;
  };
  for (const x of landscape.exchanges) {
    const producers = x.producer ? [nodeOf(x.producer)] : [];
    const consumers = x.consumers.map(nodeOf);
    for (const source of producers) {
      for (const target of consumers) {
        if (source && target && source !== target) {
          elements.push({ data: { id: `x:${x.code}:${source}:${target}`, source, target, label: x.name, status: x.status }, classes: `exchange exchange-${x.status}` });
        }
      }
    }
  }
  return elements;
}
