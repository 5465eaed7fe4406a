import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { layoutLandscape } from './landscape-layout';

const DOMAIN_COLOURS: Record<string, string> = { CIVIL: '#000091', PENAL: '#c9191e', GESTION: '#18753c', TRANSVERSE: '#716043' };

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-family': 'system-ui, sans-serif', 'font-size': 12, color: '#161616', 'min-zoomed-font-size': 6, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': '110px' } },
  { selector: 'node.app', style: { width: 26, height: 26, 'background-color': '#000091', 'border-width': 2, 'border-color': '#fff' } },
  ...Object.entries(DOMAIN_COLOURS).map(([domain, colour]) => ({ selector: `node.domain-${domain}`, style: { 'background-color': colour } })),
  { selector: 'node.status-RETIRED, node.status-DECOMMISSIONING', style: { opacity: 0.55, 'border-style': 'dashed', 'border-color': '#666' } },
  { selector: 'node.partner', style: { shape: 'round-rectangle', width: 22, height: 22, 'background-color': '#fff', 'border-width': 2, 'border-color': '#929292' } },
  { selector: 'node.group', style: { shape: 'round-rectangle', 'background-color': '#f5f5fe', 'background-opacity': 1, 'border-width': 1, 'border-color': '#cacafb', label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'font-weight': 'bold', 'font-size': 13, color: '#000091', padding: '24px' } },
  { selector: 'node.group.partners', style: { 'background-color': '#f6f6f6', 'border-color': '#ddd', 'border-style': 'dashed', color: '#3a3a3a' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8585f6', 'target-arrow-color': '#8585f6', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.9 } },
  { selector: 'edge.exchange-PLANNED', style: { 'line-style': 'dashed' } },
  { selector: 'edge.exchange-DEPRECATED, edge.exchange-RETIRED', style: { 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'line-style': 'dotted' } },
  { selector: 'node:selected', style: { 'border-color': '#e1000f', 'border-width': 4 } },
  { selector: 'edge.highlight', style: { 'line-color': '#e1000f', 'target-arrow-color': '#e1000f', width: 2.5, label: 'data(label)', 'font-size': 10, color: '#8f0d16', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-rotation': 'autorotate' } },
];

/** Cytoscape (maintained, no extra layout package needed): compound nodes keep partners drawn apart from the ministry's applications. */
export function LandscapeGraph({ elements, onSelect }: { elements: ElementDefinition[]; onSelect: (code: string | undefined) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core>();
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const cy = cytoscape({ container: container.current, elements, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    layoutLandscape(cy);
    cy.on('tap', 'node.app', (event) => {
      cy.edges().removeClass('highlight');
      event.target.connectedEdges().addClass('highlight');
      select.current(event.target.data('code') as string);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) {
        cy.edges().removeClass('highlight');
        select.current(undefined);
      }
    });
    graph.current = cy;
    // Tests and curious architects can reach the graph from the console.
    (window as unknown as { landscape?: Core }).landscape = cy;
    return () => cy.destroy();
  }, [elements]);
  return <div ref={container} className="landscape-graph" data-testid="landscape-graph" />;
}
