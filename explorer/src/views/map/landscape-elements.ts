import type { ElementDefinition } from 'cytoscape';
import { label } from '../../i18n/fr';
import { partyOf, type VisibleLandscape } from './landscape-model';
import { EDGE_USE_STYLE, edgeWidth, type UsageEdge } from './observed-usage-colouring';

export const MINISTRY = '__ministry';
export const PARTNERS = '__partners';
export const REFERENTIALS = '__referentials';

/** Graph elements: applications inside the ministry box, linked partners in their own box, one edge per producer → consumer pair. */
export function landscapeElements(visible: VisibleLandscape): ElementDefinition[] {
  const elements: ElementDefinition[] = [{ data: { id: MINISTRY, label: 'Ministère de la Justice' }, classes: 'group' }];
  if (visible.partners.length) elements.push({ data: { id: PARTNERS, label: 'Partenaires extérieurs' }, classes: 'group partners' });
  for (const a of visible.applications) {
    elements.push({
      data: { id: `app:${a.code}`, code: a.code, label: a.name, parent: MINISTRY, domain: a.domain, status: a.lifecycleStatus },
      classes: `app domain-${a.domain} status-${a.lifecycleStatus}`,
    });
  }
  for (const p of visible.partners) elements.push({ data: { id: p.id, label: p.name, parent: PARTNERS }, classes: 'partner' });
  const names = new Map(visible.applications.map((a) => [a.code, a.name]));
  for (const x of visible.exchanges) {
    const source = x.producer ? partyOf(x.producer, names).id : undefined;
    for (const consumer of x.consumers) {
      const target = partyOf(consumer, names).id;
      if (source && source !== target) {
        elements.push({
          data: {
            id: `x:${x.code}:${source}:${target}`,
            exchange: x.code,
            source,
            target,
            label: x.name,
            status: x.status,
            title: `${x.name} · ${label('ExchangeStatus', x.status)}`,
          },
          classes: `exchange exchange-${x.status}`,
        });
      }
    }
  }
  return elements;
}

/** A reading edge's graph id, from its application and referential codes. */
export const readingId = (application: string, referential: string): string => `read:${application}:${referential}`;

/** Referentials in their own box, only while an edge reaches them; one edge per application reading or declaring one. */
export function readingElements(edges: UsageEdge[], referentials?: ReadonlyMap<string, string>): ElementDefinition[] {
  if (!edges.length) return [];
  const elements: ElementDefinition[] = [{ data: { id: REFERENTIALS, label: 'Référentiels' }, classes: 'group referentials' }];
  for (const code of new Set(edges.map((e) => e.referential))) {
    elements.push({ data: { id: `ref:${code}`, code, label: referentials?.get(code) ?? code, parent: REFERENTIALS }, classes: 'referential' });
  }
  for (const e of edges) {
    const style = EDGE_USE_STYLE[e.use];
    elements.push({
      data: {
        id: readingId(e.application, e.referential),
        source: `app:${e.application}`,
        target: `ref:${e.referential}`,
        application: e.application,
        referential: e.referential,
        use: e.use,
        colour: style.color,
        width: edgeWidth(e.reader.requests),
        label: `${e.referential} · ${style.label}`,
        title: `${e.application} → ${e.referential} · ${style.label} · ${e.reader.requests} requête(s)`,
      },
      classes: `reading use-${e.use}`,
    });
  }
  return elements;
}
