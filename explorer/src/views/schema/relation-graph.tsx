import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SupergraphModel } from '../../api/supergraph-model';
import { navigate } from '../../router';
import { namedType } from './type-search';

// One colour per subgraph, in the order the supergraph declares them (contrasted on white, readable as text too).
export const SUBGRAPH_COLOURS = ['#000091', '#c9191e', '#18753c', '#716043', '#8f3ee0', '#b34000', '#006a6f', '#a5165b'];
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** Object types and the fields linking them (Voyager-like): entities only by default, coloured by their first owner. */
export function relationElements(model: SupergraphModel, entitiesOnly: boolean): ElementDefinition[] {
  const objects = model.types.filter((t) => (t.kind === 'object' || t.kind === 'interface') && !ROOTS.has(t.name) && (!entitiesOnly || t.keys.length > 0));
  const names = new Set(objects.map((t) => t.name));
  const colour = (owner: string | undefined) => SUBGRAPH_COLOURS[Math.max(0, model.subgraphs.indexOf(owner ?? '')) % SUBGRAPH_COLOURS.length];
  const elements: ElementDefinition[] = objects.map((t) => ({
    data: { id: t.name, label: t.keys.length ? `${t.name}\n(${t.owners.join(', ')})` : t.name, colour: colour(t.owners[0]), shared: t.owners.length > 1 ? 1 : 0 },
    classes: t.keys.length ? 'entity' : 'object',
  }));
  for (const t of objects) {
    for (const f of t.fields) {
      const target = namedType(f.type);
      if (names.has(target) && target !== t.name) elements.push({ data: { id: `${t.name}.${f.name}`, source: t.name, target, label: f.name, colour: colour(f.owners[0]) } });
    }
  }
  return elements;
}

/** How the types relate across subgraphs; a click opens the type. */
export function RelationGraph({ model }: { model: SupergraphModel }) {
  const container = useRef<HTMLDivElement>(null);
  const [entitiesOnly, setEntitiesOnly] = useState(true);
  const elements = useMemo(() => relationElements(model, entitiesOnly), [model, entitiesOnly]);
  const nodes = elements.filter((e) => !e.data.source).length;
  useEffect(() => {
    const cy = cytoscape({
      container: container.current, elements, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 11, 'font-family': 'system-ui, sans-serif', 'text-valign': 'center', color: '#fff', shape: 'round-rectangle', width: 'label', height: 'label', padding: '8px', 'background-color': 'data(colour)' } },
        { selector: 'node[shared = 1]', style: { 'border-width': 3, 'border-color': '#e1000f' } },
        { selector: 'node.object', style: { 'background-color': '#fff', color: '#161616', 'border-width': 2, 'border-color': 'data(colour)' } },
        { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', label: 'data(label)', 'font-size': 9, color: '#3a3a3a', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.9 } },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 90000, idealEdgeLength: () => 140, randomize: false } as cytoscape.LayoutOptions,
    });
    cy.on('tap', 'node', (event) => navigate(`schema/${event.target.id()}`));
    (window as unknown as { relations?: cytoscape.Core }).relations = cy;
    return () => cy.destroy();
  }, [elements]);
  return (
    <div data-testid="relation-graph-panel">
      <div className="toolbar">
        <label className="check"><input type="checkbox" checked={entitiesOnly} onChange={(e) => setEntitiesOnly(e.target.checked)} /> Entités fédérées seulement</label>
        <span className="legend small">
          {model.subgraphs.map((s, i) => <span key={s}><span className="dot" style={{ background: SUBGRAPH_COLOURS[i % SUBGRAPH_COLOURS.length] }} />{s}</span>)}
          <span><span className="square square-red" />entité partagée entre sous-graphes</span>
        </span>
      </div>
      <div ref={container} className="relation-graph" data-testid="relation-graph" role="img"
        aria-label={`Graphe des relations : ${nodes} types reliés par leurs champs ; chaque type est aussi dans l'index, avec ses champs en liens.`} />
    </div>
  );
}
