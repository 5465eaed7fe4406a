import type { Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import { MINISTRY } from './landscape-elements';

const COLUMN_GAP = 200;
const COLUMN_STEP = 80;

/**
 * Concentric layout for the ministry's applications only; external partners then go in a column to the right and
 * referentials (while observed usage is shown) to the left, each level with the applications it is linked to, so
 * they are drawn apart and edges cross the boundary once.
 */
export function layoutLandscape(cy: Core): void {
  const apps = cy.nodes('.app');
  // Layouts need the compound parent in the laid-out set, or they fail on its children.
  const inner = apps.union(cy.getElementById(MINISTRY)).union(apps.edgesWith(apps));
  // Concentric by number of exchanges (readings left out: turning observed usage on moves no application): hubs in the
  // middle, leaves around; deterministic, labels never pile up.
  inner
    .layout({
      name: 'concentric',
      animate: false,
      fit: false,
      minNodeSpacing: 70,
      avoidOverlap: true,
      startAngle: -Math.PI / 2,
      concentric: (node: NodeSingular) => (node.isParent() ? 0 : node.connectedEdges('.exchange').length),
      levelWidth: () => 2,
    } as LayoutOptions)
    .run();
  const box = cy.getElementById(MINISTRY).boundingBox({});
  column(cy.nodes('.partner'), box.x2 + COLUMN_GAP, (box.y1 + box.y2) / 2);
  column(cy.nodes('.referential'), box.x1 - COLUMN_GAP, (box.y1 + box.y2) / 2);
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

/** Nodes in a column at `x`, centred on `middle`, ordered by where their applications sit. */
function column(nodes: NodeCollection, x: number, middle: number): void {
  const sorted = nodes.sort((a, b) => meanY(a) - meanY(b));
  const top = middle - ((sorted.length - 1) * COLUMN_STEP) / 2;
  sorted.forEach((n, i) => void n.position({ x, y: top + i * COLUMN_STEP }));
}

/** Where a partner's (or a referential's) applications sit, on average: ordering a column by it keeps edges short. */
function meanY(node: NodeSingular): number {
  const ys = node
    .neighborhood('node.app')
    .nodes()
    .map((n) => n.position('y'));
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
}
