import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { label } from '../../i18n/fr';
import { layoutLandscape } from './landscape-layout';

const DOMAIN_COLOURS: Record<string, string> = { CIVIL: '#000091', PENAL: '#c9191e', GESTION: '#18753c', TRANSVERSE: '#716043' };

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
      color: '#161616',
      'min-zoomed-font-size': 6,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      'text-background-color': '#fff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node.app', style: { width: 26, height: 26, 'background-color': '#000091', 'border-width': 2, 'border-color': '#fff' } },
  ...Object.entries(DOMAIN_COLOURS).map(([domain, colour]) => ({ selector: `node.domain-${domain}`, style: { 'background-color': colour } })),
  { selector: 'node.status-RETIRED, node.status-DECOMMISSIONING', style: { opacity: 0.55, 'border-style': 'dashed', 'border-color': '#666' } },
  {
    selector: 'node.partner',
    style: { shape: 'round-rectangle', width: 22, height: 22, 'background-color': '#fff', 'border-width': 2, 'border-color': '#929292' },
  },
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f5f5fe',
      'background-opacity': 1,
      'border-width': 1,
      'border-color': '#cacafb',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'font-weight': 'bold',
      'font-size': 13,
      color: '#000091',
      padding: '24px',
      'text-background-opacity': 0,
    },
  },
  { selector: 'node.group.partners', style: { 'background-color': '#f6f6f6', 'border-color': '#ddd', 'border-style': 'dashed', color: '#3a3a3a' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#8585f6',
      'target-arrow-color': '#8585f6',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 0.9,
    },
  },
  { selector: 'edge.exchange-PLANNED', style: { 'line-style': 'dashed' } },
  { selector: 'edge.exchange-DEPRECATED, edge.exchange-RETIRED', style: { 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'line-style': 'dotted' } },
  { selector: 'node.keyboard', style: { 'overlay-color': '#0a76f6', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: 'node:selected', style: { 'border-color': '#e1000f', 'border-width': 4 } },
  // Names of the selected application's exchanges are listed in the side panel: edges are coloured, not labelled over the names.
  { selector: 'edge.highlight', style: { 'line-color': '#e1000f', 'target-arrow-color': '#e1000f', width: 3 } },
  {
    selector: 'edge.chosen',
    style: {
      'line-color': '#e1000f',
      'target-arrow-color': '#e1000f',
      width: 5,
      label: 'data(label)',
      'font-size': 11,
      color: '#8f0d16',
      'text-background-color': '#fff',
      'text-background-opacity': 1,
      'text-rotation': 'autorotate',
      'text-margin-y': -8,
    },
  },
  // Observed usage: referentials apart, each reading edge keeps its use's colour even when highlighted or chosen.
  {
    selector: 'node.referential',
    style: { shape: 'barrel', width: 26, height: 22, 'background-color': '#e3e3fd', 'border-width': 2, 'border-color': '#000091' },
  },
  { selector: 'node.group.referentials', style: { 'background-color': '#f6f6f6', 'border-color': '#ddd', color: '#3a3a3a' } },
  { selector: 'edge.reading', style: { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', width: 'data(width)', 'line-style': 'solid' } },
  { selector: 'edge.reading.highlight, edge.reading.chosen', style: { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)' } },
  { selector: 'edge.use-declared-unread', style: { 'line-style': 'dashed' } },
];

interface GraphProps {
  elements: ElementDefinition[];
  selectedApp?: string;
  selectedExchange?: string;
  onSelectApp: (code: string | undefined) => void;
  onSelectExchange: (code: string) => void;
  /** An application → referential edge, shown while observed usage colours the map. */
  selectedReading?: string;
  onSelectReading: (application: string, referential: string) => void;
  onReady: (cy: Core | undefined) => void;
  summary: string;
}

/**
 * Cytoscape (maintained, no extra layout package needed): compound nodes keep partners drawn apart. The canvas is a
 * keyboard stop too: arrows go from application to application, Enter opens the one focused; the table below has the same data.
 */
export function LandscapeGraph({
  elements,
  selectedApp,
  selectedExchange,
  selectedReading,
  onSelectApp,
  onSelectExchange,
  onSelectReading,
  onReady,
  summary,
}: GraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core>();
  const handlers = useRef({ onSelectApp, onSelectExchange, onSelectReading, onReady });
  handlers.current = { onSelectApp, onSelectExchange, onSelectReading, onReady };
  const [focused, setFocused] = useState<number>(-1);
  useEffect(() => {
    const cy = cytoscape({ container: container.current, elements, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    layoutLandscape(cy);
    cy.on('tap', 'node.app', (event) => handlers.current.onSelectApp(event.target.data('code') as string));
    cy.on('tap', 'edge.exchange', (event) => handlers.current.onSelectExchange(event.target.data('exchange') as string));
    cy.on('tap', 'edge.reading', (event) =>
      handlers.current.onSelectReading(event.target.data('application') as string, event.target.data('referential') as string),
    );
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelectApp(undefined);
    });
    graph.current = cy;
    handlers.current.onReady(cy);
    // Tests and curious architects can reach the graph from the console.
    (window as unknown as { landscape?: Core }).landscape = cy;
    setFocused(-1);
    return () => {
      handlers.current.onReady(undefined);
      cy.destroy();
    };
  }, [elements]);
  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    // A selection changes the toolbar and the panel, which may move the canvas: cytoscape re-reads its position.
    cy.resize();
    cy.batch(() => {
      cy.elements().unselect();
      cy.edges().removeClass('highlight chosen');
      if (selectedApp) {
        const node = cy.getElementById(`app:${selectedApp}`);
        node.select();
        node.connectedEdges().addClass('highlight');
      }
      if (selectedExchange)
        cy.edges()
          .filter((e) => e.data('exchange') === selectedExchange)
          .addClass('chosen');
      if (selectedReading) cy.getElementById(selectedReading).addClass('chosen');
    });
  }, [elements, selectedApp, selectedExchange, selectedReading]);
  const apps = () => graph.current?.nodes('.app').sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')))) ?? [];
  const keyDown = (event: KeyboardEvent) => {
    const list = apps();
    if (!list.length) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      const next = (focused + step + list.length) % list.length;
      graph.current?.nodes().removeClass('keyboard');
      list[next].addClass('keyboard');
      setFocused(next);
    } else if (event.key === 'Enter' && focused >= 0 && list[focused]) {
      event.preventDefault();
      handlers.current.onSelectApp(list[focused].data('code') as string);
    } else if (event.key === 'Escape') {
      handlers.current.onSelectApp(undefined);
    }
  };
  const current = focused >= 0 ? apps()[focused] : undefined;
  return (
    <>
      <div
        ref={container}
        className="landscape-graph"
        data-testid="landscape-graph"
        role="application"
        aria-roledescription="carte"
        tabIndex={0}
        aria-label={`Carte des échanges : ${summary}. Flèches pour parcourir les applications, Entrée pour ouvrir ; le tableau donne les mêmes données.`}
        aria-describedby="landscape-focus"
        onKeyDown={keyDown}
        // The panel or the toolbar may have moved the canvas since it was drawn: cytoscape must re-read where it is before a click.
        onPointerEnter={() => graph.current?.resize()}
      />
      <div id="landscape-focus" className="visually-hidden" aria-live="polite">
        {current ? `${current.data('label')} — ${label('ApplicationDomain', current.data('domain'))}, ${label('LifecycleStatus', current.data('status'))}` : ''}
      </div>
    </>
  );
}
