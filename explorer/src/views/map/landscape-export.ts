import type { Core } from 'cytoscape';

const escape = (text: string): string => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The current view as SVG, drawn from cytoscape's positions and computed colours (cytoscape itself only exports bitmaps). */
export function landscapeSvg(cy: Core): string {
  const box = cy.elements().boundingBox({});
  const pad = 20;
  const parts: string[] = [];
  for (const group of cy.nodes('.group')) {
    const b = group.boundingBox({ includeLabels: false });
    parts.push(
      `<rect x="${b.x1}" y="${b.y1}" width="${b.w}" height="${b.h}" rx="8" fill="${group.style('background-color')}" stroke="${group.style('border-color')}"/>`,
    );
    parts.push(
      `<text x="${(b.x1 + b.x2) / 2}" y="${b.y1 - 6}" text-anchor="middle" font-weight="bold" font-size="13" fill="${group.style('color')}">${escape(group.data('label'))}</text>`,
    );
  }
  for (const edge of cy.edges()) {
    const s = edge.sourceEndpoint();
    const t = edge.targetEndpoint();
    const dashes = { dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"' }[edge.style('line-style') as string] ?? '';
    parts.push(
      `<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${edge.style('line-color')}" stroke-width="1.5"${dashes} marker-end="url(#arrow)"><title>${escape(edge.data('title'))}</title></line>`,
    );
  }
  for (const node of cy.nodes('.app, .partner, .referential')) {
    const { x, y } = node.position();
    const w = node.width();
    const shape =
      node.hasClass('partner') || node.hasClass('referential')
        ? `<rect x="${x - w / 2}" y="${y - w / 2}" width="${w}" height="${w}" rx="4" fill="${node.style('background-color')}" stroke="${node.style('border-color')}" stroke-width="2"/>`
        : `<circle cx="${x}" cy="${y}" r="${w / 2}" fill="${node.style('background-color')}" stroke="#fff" stroke-width="2"/>`;
    parts.push(`${shape}<text x="${x}" y="${y + w / 2 + 14}" text-anchor="middle" font-size="12" fill="#161616">${escape(node.data('label'))}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box.x1 - pad} ${box.y1 - pad - 20} ${box.w + 2 * pad} ${box.h + 2 * pad + 40}" font-family="system-ui, sans-serif">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8585f6"/></marker></defs>
<rect x="${box.x1 - pad}" y="${box.y1 - pad - 20}" width="${box.w + 2 * pad}" height="${box.h + 2 * pad + 40}" fill="#fff"/>
${parts.join('\n')}
</svg>`;
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const exportPng = (cy: Core): void => download('cartographie.png', cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 }));
export const exportSvg = (cy: Core): void => download('cartographie.svg', new Blob([landscapeSvg(cy)], { type: 'image/svg+xml' }));
