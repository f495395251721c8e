import { html, type SafeHtml } from '../../core/render/html.ts';
import { projectedShapes } from '../projects/index.ts';

/**
 * A choropleth of the network's members on the municipal boundaries the project map uses. Each area
 * is a link named "Gemeente: value" (screen readers, keyboard), with a tooltip (title) and a name
 * drawn over the map while the area is hovered or focused, so sighted keyboard users see where they
 * are. The colour is never the only carrier: the legend names each class and a table follows.
 */
export interface MapClass {
  key: string;
  label: string;
  fill: string;
}

export interface MapArea {
  code: string;
  name: string;
  href: string;
  classKey: string;
  /** The value as read out and shown: "ingediend 2026", "3,4". */
  valueLabel: string;
}

export interface ChoroplethOptions {
  id: string;
  title: string;
  description: string;
  classes: MapClass[];
  areas: MapArea[];
  areaLabel: (area: MapArea) => string;
  legendTitle: string;
}

const numbers = /-?\d+(?:\.\d+)?/g;

/** The middle of a path's bounding box: where the name goes. */
function middleOf(path: string): [number, number] {
  const values = (path.match(numbers) ?? []).map(Number);
  const xs = values.filter((_, i) => i % 2 === 0);
  const ys = values.filter((_, i) => i % 2 === 1);
  if (xs.length === 0 || ys.length === 0) return [0, 0];
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

function legend(o: ChoroplethOptions): SafeHtml {
  return html`<div class="rk-map-legend">
    <p class="utrecht-paragraph"><strong>${o.legendTitle}</strong></p>
    <ul class="utrecht-unordered-list rk-map-legend__list">
      ${o.classes.map(
        (c) =>
          html`<li>
            <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="27" height="15" fill="${c.fill}" stroke="#4b5560" />
            </svg>
            ${c.label}
          </li>`,
      )}
    </ul>
  </div>`;
}

export function choropleth(o: ChoroplethOptions): SafeHtml {
  const sorted = [...o.areas].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const { width, height, shapes } = projectedShapes(sorted.map((a) => a.code));
  const pathOf = new Map(shapes.map((s) => [s.code, s.path]));
  const fillOf = new Map(o.classes.map((c) => [c.key, c.fill]));
  const links = sorted.map((area) => {
    const d = pathOf.get(area.code);
    if (!d) return '';
    const [x, y] = middleOf(d);
    const label = o.areaLabel(area);
    return html`<a href="${area.href}" aria-label="${label}" class="rk-map-area rk-map-area--named"
      ><title>${label}</title
      ><path
        d="${d}"
        fill="${fillOf.get(area.classKey) ?? '#ffffff'}"
        stroke="#4b5560"
        stroke-width="0.8"
        stroke-linejoin="round"
      /><text
        class="rk-map-name"
        x="${Math.round(x)}"
        y="${Math.round(y)}"
        text-anchor="middle"
        aria-hidden="true"
        >${area.name}</text
      ></a
    >`;
  });
  return html`<div class="rk-chart-frame">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="rk-chart rk-map"
        viewBox="0 0 ${Math.round(width)} ${Math.round(height)}"
        role="group"
        aria-labelledby="${o.id}-title ${o.id}-desc"
      >
        <title id="${o.id}-title">${o.title}</title>
        <desc id="${o.id}-desc">${o.description}</desc>
        ${links}
      </svg>
    </div>
    ${legend(o)}`;
}
