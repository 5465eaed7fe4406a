import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { MINISTRY } from './landscape-elements';

const PARTNER_GAP = 200;
const PARTNER_STEP = 80;

/**
 * Concentric layout for the ministry's applications only; external partners then go in a column to the right,
 * each level with the applications it talks to, so they are drawn apart and edges cross the boundary once.
 */
export function layoutLandscape(cy: Core): void {
  const apps = cy.nodes('.app');
  // Layouts need the compound parent in the laid-out set, or they fail on its children.
  const inner = apps.union(cy.getElementById(MINISTRY)).union(apps.edgesWith(apps));
  // Concentric by number of exchanges: hubs in the middle, leaves around; deterministic, labels never pile up.
  inner.layout({
    name: 'concentric', animate: false, fit: false, minNodeSpacing: 70, avoidOverlap: true, startAngle: -Math.PI / 2,
    concentric: (node: NodeSingular) => (node.isParent() ? 0 : node.degree(false)),
    levelWidth: () => 2,
  } as LayoutOptions).run();
  const box = cy.getElementById(MINISTRY).boundingBox({});
  const partners = cy.nodes('.partner').sort((a, b) => meanY(a) - meanY(b));
  const top = (box.y1 + box.y2) / 2 - ((partners.length - 1) * PARTNER_STEP) / 2;
  partners.forEach((p, i) => void p.position({ x: box.x2 + PARTNER_GAP, y: top + i * PARTNER_STEP }));
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

/** Where a partner's applications sit, on average: ordering partners by it keeps edges short. */
function meanY(partner: NodeSingular): number {
  const ys = partner.neighborhood('node.app').nodes().map((n) => n.position('y'));
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
}
