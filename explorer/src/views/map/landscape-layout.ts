import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { MINISTRY } from './landscape-elements';

const PARTNER_GAP = 220;
const PARTNER_STEP = 80;

/**
 * Force layout (cose) for the ministry's applications only; external partners then go in a column to the right,
 * each level with the applications it talks to, so they are drawn apart and edges cross the boundary once.
 */
export function layoutLandscape(cy: Core): void {
  const apps = cy.nodes('.app');
  // cose needs the compound parent in the laid-out set, or it fails on its children.
  const inner = apps.union(cy.getElementById(MINISTRY)).union(apps.edgesWith(apps));
  const layout = inner.layout({
    name: 'cose', animate: false, randomize: false, padding: 30, nodeRepulsion: () => 12000, idealEdgeLength: () => 110, nodeOverlap: 20, componentSpacing: 80,
  } as LayoutOptions);
  layout.run();
  const box = cy.getElementById(MINISTRY).boundingBox({});
  const partners = cy.nodes('.partner').sort((a, b) => meanY(a) - meanY(b));
  const top = (box.y1 + box.y2) / 2 - ((partners.length - 1) * PARTNER_STEP) / 2;
  partners.forEach((p, i) => void p.position({ x: box.x2 + PARTNER_GAP, y: top + i * PARTNER_STEP }));
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

/** Where a partner's applications sit, on average: ordering partners by it keeps edges short. */
function meanY(partner: NodeSingular): number {
  const ys = partner.neighborhood('node.app').nodes().map((n) => n.position('y'));
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
}
