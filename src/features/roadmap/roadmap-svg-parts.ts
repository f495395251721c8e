import { escapeHtml, html, SafeHtml, type HtmlValue } from '../../core/render/html.ts';
import { coordinates, round2 } from '../../core/render/svg.ts';
import { GEOMETRY as G, type PlacedAction, type RoadmapLayout } from './roadmap-layout.ts';
import { LEGEND, type LegendItem } from './roadmap-legend.ts';
import { PALETTE, STATUS_STYLE, tint } from './roadmap-style.ts';

/** The drawing primitives of the roadmap: bars, markers, arrows and the legend's swatches. */

type SvgTag = 'g' | 'line' | 'polygon' | 'rect' | 'text' | 'tspan';

/**
 * Like `el` of core/render/svg.ts (escaped values, numbers rounded to 2 decimals) but built by string
 * concatenation: a roadmap of 200 actions has thousands of elements and this keeps it within budget.
 */
export function el(
  tag: SvgTag,
  attributes: Record<string, string | number | undefined>,
  children?: HtmlValue,
): SafeHtml {
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined)
      out += ` ${name}="${typeof value === 'number' ? round2(value) : escapeHtml(value)}"`;
  }
  return new SafeHtml(children === undefined ? `${out} />` : `${out}>${html`${children}`.value}</${tag}>`);
}

/** The family of the TTF shipped for resvg (`documentFont`); browsers fall back to their sans-serif. */
export const ROADMAP_FONT = "'Noto Sans', sans-serif";
export const BASELINE = 11;

export const text = (
  x: number,
  y: number,
  content: string,
  attributes: Record<string, string | number> = {},
) => el('text', { x, y, 'font-size': G.labelFont, fill: PALETTE.text, ...attributes }, content);

export const haloed = {
  stroke: PALETTE.background,
  'stroke-width': 3,
  'paint-order': 'stroke',
  'stroke-linejoin': 'round',
};

export function diamond(x: number, y: number, isDone: boolean): SafeHtml {
  const h = G.milestoneHalf;
  const points = coordinates([
    { x, y: y - h },
    { x: x + h, y },
    { x, y: y + h },
    { x: x - h, y },
  ]);
  const fill = isDone ? PALETTE.text : PALETTE.background;
  return el('polygon', { points, fill, stroke: PALETTE.text, 'stroke-width': 1.5 });
}

export function warningTriangle(x: number, y: number): SafeHtml {
  const points = coordinates([
    { x: x + G.markerWidth / 2, y },
    { x: x + G.markerWidth, y: y + G.labelHeight },
    { x, y: y + G.labelHeight },
  ]);
  const mark = { 'font-size': 11, 'font-weight': 700, fill: PALETTE.background, 'text-anchor': 'middle' };
  return el('g', { class: 'rk-roadmap-warning' }, [
    el('polygon', { points, fill: PALETTE.warning }),
    text(x + G.markerWidth / 2, y + G.labelHeight - 2, '!', mark),
  ]);
}

export function barShape(
  bar: { x: number; y: number; width: number; height: number },
  status: PlacedAction['action']['status'],
  progressWidth: number,
) {
  const style = STATUS_STYLE[status];
  const strip = 5;
  return [
    el('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 3, fill: tint(style.colour) }),
    progressWidth > 0
      ? el('rect', {
          x: bar.x,
          y: bar.y + bar.height - strip,
          width: progressWidth,
          height: strip,
          fill: style.colour,
        })
      : '',
    el('rect', {
      x: bar.x + 1,
      y: bar.y + 1,
      width: Math.max(bar.width - 2, 1),
      height: bar.height - 2,
      rx: 3,
      fill: 'none',
      stroke: style.colour,
      'stroke-width': 2,
      'stroke-dasharray': style.dash,
    }),
  ];
}

export function arrowMarkup(points: { x: number; y: number }[]): SafeHtml {
  const [last, before] = [points.at(-1), points.at(-2)];
  if (!last || !before) return html``;
  const angle = Math.atan2(last.y - before.y, last.x - before.x);
  const head = [angle + 2.6, angle - 2.6].map((a) => ({
    x: last.x + 7 * Math.cos(a),
    y: last.y + 7 * Math.sin(a),
  }));
  return html`<polyline
      points="${coordinates(points)}"
      fill="none"
      stroke="${PALETTE.arrow}"
      stroke-width="1.5"
    /><polygon points="${coordinates([last, ...head])}" fill="${PALETTE.arrow}" />`;
}

function legendSwatch(item: LegendItem): HtmlValue {
  const [x, mid] = [item.x, item.y + LEGEND.rowHeight / 2];
  const box = { x, y: mid - 9, width: LEGEND.swatchWidth, height: 18 };
  if (item.kind === 'status') return barShape(box, item.status, 0);
  if (item.kind === 'progress') return barShape(box, 'running', box.width / 2);
  if (item.kind === 'milestoneDone' || item.kind === 'milestoneOpen')
    return diamond(x + 15, mid, item.kind === 'milestoneDone');
  if (item.kind === 'warning') return warningTriangle(x + 8, mid - G.labelHeight / 2);
  if (item.kind === 'dependency')
    return arrowMarkup([
      { x, y: mid },
      { x: x + LEGEND.swatchWidth, y: mid },
    ]);
  return el('line', {
    x1: x + 15,
    y1: mid - 10,
    x2: x + 15,
    y2: mid + 10,
    stroke: PALETTE.today,
    'stroke-width': 2,
    'stroke-dasharray': '6 3',
  });
}

export function legendMarkup(layout: RoadmapLayout): SafeHtml {
  const items = layout.legend.items.map((item) =>
    el('g', { class: 'rk-roadmap-legend-item' }, [
      legendSwatch(item),
      text(item.x + LEGEND.swatchWidth + LEGEND.textGap, item.y + 18, item.label, {
        'font-size': LEGEND.font,
      }),
    ]),
  );
  return el('g', { class: 'rk-roadmap-legend' }, items);
}
