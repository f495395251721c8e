import { html } from '../../core/render/html.ts';
import { projectedShapes } from '../projects/index.ts';
import type { MapClass } from './workspace-map.views.ts';

/**
 * The participation map for a document: the members' areas filled per class on the municipal
 * boundaries the workspace's map uses, and the legend drawn below them, so that the figure reads on
 * paper. Only what the documents' SVG reader draws (path, rect, text, g): no links, no CSS. The
 * document gives it alt text; the table after it holds the same data.
 */
export function participationMapSvg(
  areas: { code: string; classKey: string }[],
  classes: MapClass[],
): string {
  const { width, height, shapes } = projectedShapes(areas.map((a) => a.code));
  const fillOf = new Map(classes.map((c) => [c.key, c.fill]));
  const classOf = new Map(areas.map((a) => [a.code, a.classKey]));
  const rowHeight = 26;
  const perRow = 2;
  const legendTop = Math.round(height) + 20;
  const total = legendTop + Math.ceil(classes.length / perRow) * rowHeight + 8;
  const w = Math.round(width);
  const legend = classes.map((c, i) => {
    const x = (i % perRow) * (w / perRow);
    const y = legendTop + Math.floor(i / perRow) * rowHeight;
    return html`<rect x="${x + 1}" y="${y}" width="28" height="16" fill="${c.fill}" stroke="#4b5560" /><text
        x="${x + 38}"
        y="${y + 13}"
        font-size="14"
        fill="#1a1a1a"
        >${c.label}</text
      >`;
  });
  return String(
    html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${total}" width="${w}" height="${total}">
      <rect x="0" y="0" width="${w}" height="${total}" fill="#ffffff" />
      <g stroke="#4b5560" stroke-width="0.8" stroke-linejoin="round">
        ${shapes.map(
          (s) => html`<path d="${s.path}" fill="${fillOf.get(classOf.get(s.code) ?? '') ?? '#ffffff'}" />`,
        )}
      </g>
      ${legend}
    </svg>`,
  );
}
