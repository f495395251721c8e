import { html, trustedHtml, type HtmlValue, type SafeHtml } from './html.ts';

/** Building blocks for server-rendered SVG charts: escaped elements, text layout, legends, scales. */

/** Line colours keep ≥ 3:1 against white (WCAG 1.4.11), text colours ≥ 4.5:1 (WCAG 1.4.3). */
export const COLOUR = {
  value: '#1a5a96',
  target: '#d4491f',
  previous: '#5b6770',
  text: '#1b1b1b',
  muted: '#4b5560',
  grid: '#c5ccd3',
};
export const FONT_SIZE = 14;
export const LINE_HEIGHT = 1.25 * FONT_SIZE;
/** A generous glyph-width estimate: labels are laid out (and tested) with it, so real text fits. */
export const CHAR_WIDTH = 0.6 * FONT_SIZE;

export type Anchor = 'start' | 'middle' | 'end';
export type LineKind = 'solid' | 'dashed' | 'dotted';
type SvgTag = 'g' | 'line' | 'polygon' | 'circle' | 'rect' | 'text' | 'tspan';
type Attributes = Record<string, string | number | undefined>;
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LegendEntry {
  label: string;
  swatch: LineKind | 'bar' | 'marker';
  colour: string;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const clamp = (n: number, low: number, high: number): number => Math.min(Math.max(n, low), high);
export const formatNumber = (n: number): string => String(round2(n));
export const widest = (lines: string[]): number =>
  Math.max(0, ...lines.map((line) => line.length)) * CHAR_WIDTH;
export const coordinates = (points: { x: number; y: number }[]): string =>
  points.map((p) => `${round2(p.x)},${round2(p.y)}`).join(' ');

/** An SVG element; values are escaped and numbers rounded to 2 decimals. Tag names only come from code. */
export function el(tag: SvgTag, attributes: Attributes, children?: HtmlValue): SafeHtml {
  const attrs = Object.entries(attributes).map(([name, value]) =>
    value === undefined ? '' : html` ${name}="${typeof value === 'number' ? round2(value) : value}"`,
  );
  const name = trustedHtml(tag);
  return children === undefined ? html`<${name}${attrs} />` : html`<${name}${attrs}>${children}</${name}>`;
}

function greedyLineCount(words: string[], limit: number): number {
  let [count, length] = [0, Infinity];
  for (const word of words) {
    if (length + 1 + word.length <= limit) length += 1 + word.length;
    else [count, length] = [count + 1, word.length];
  }
  return count;
}

/** Every way to cut `words` into exactly `count` non-empty lines (labels are short: a few dozen at most). */
function splits(words: string[], count: number): string[][] {
  if (count === 1) return [[words.join(' ')]];
  return words
    .slice(1, words.length - count + 2)
    .flatMap((_, i) =>
      splits(words.slice(i + 1), count - 1).map((rest) => [words.slice(0, i + 1).join(' '), ...rest]),
    );
}

/**
 * Wraps text onto as few lines of at most `width` characters as it needs, evened out; when that takes
 * more than `maxLines`, the lines grow instead: a label is never cut.
 */
export function wrapLabel(text: string, width = 18, maxLines = 3): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  let limit = Math.max(width, ...words.map((word) => word.length));
  while (greedyLineCount(words, limit) > maxLines) limit += 1;
  const cost = (lines: string[]) => lines.reduce((sum, line) => sum + (limit - line.length) ** 2, 0);
  const fitting = splits(words, greedyLineCount(words, limit)).filter((lines) =>
    lines.every((l) => l.length <= limit),
  );
  return fitting.reduce((best, lines) => (cost(lines) < cost(best) ? lines : best));
}

/** Deterministic (FNV-1a): the functions stay pure and two different charts on a page get different ids. */
export function chartId(seed: string): string {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return `rk-chart-${(hash >>> 0).toString(36)}`;
}

export const overlaps = (a: Box, b: Box, gap = 4): boolean =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

export function union(boxes: Box[], padding: number): Box {
  const left = Math.min(...boxes.map((b) => b.x)) - padding;
  const top = Math.min(...boxes.map((b) => b.y)) - padding;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + padding;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A wrapped label; every line carries absolute coordinates, its baseline one font size below `top`. */
export function textLines(lines: string[], x: number, top: number, anchor: Anchor): SafeHtml {
  const tspans = lines.map((line, i) => el('tspan', { x, y: top + FONT_SIZE + i * LINE_HEIGHT }, line));
  const attributes = {
    class: 'rk-chart-label',
    'text-anchor': anchor,
    'font-size': FONT_SIZE,
    fill: COLOUR.text,
  };
  return el('text', attributes, tspans);
}

export const LINE_STYLES: Record<LineKind, Attributes> = {
  solid: { 'stroke-width': 2.5 },
  dashed: { 'stroke-width': 2.5, 'stroke-dasharray': '8 5' },
  dotted: { 'stroke-width': 3, 'stroke-dasharray': '0.1 6', 'stroke-linecap': 'round' },
};

function swatch(entry: LegendEntry, x: number, mid: number): SafeHtml {
  const stroke = entry.colour;
  if (entry.swatch === 'bar') return el('rect', { x, y: mid - 7, width: 28, height: 14, fill: stroke });
  if (entry.swatch === 'marker') {
    return el('line', { x1: x + 14, y1: mid - 10, x2: x + 14, y2: mid + 10, stroke, 'stroke-width': 3 });
  }
  return el('line', { x1: x, y1: mid, x2: x + 28, y2: mid, stroke, ...LINE_STYLES[entry.swatch] });
}

/** Names each series by a line style or shape and a text (WCAG 1.4.1); wraps onto rows within `width`. */
export function legend(entries: LegendEntry[], left: number, top: number, width: number) {
  const rowHeight = LINE_HEIGHT + 12;
  let [x, y] = [left, top];
  const items = entries.map((entry) => {
    const itemWidth = 36 + entry.label.length * CHAR_WIDTH;
    if (x > left && x + itemWidth > left + width) [x, y] = [left, y + rowHeight];
    const mid = y + rowHeight / 2;
    const text = { x: x + 36, y: mid + FONT_SIZE * 0.35, 'font-size': FONT_SIZE, fill: COLOUR.text };
    const parts = [swatch(entry, x, mid), el('text', text, entry.label)];
    x += itemWidth + 24;
    return el('g', { class: 'rk-chart-legend-item' }, parts);
  });
  return { markup: el('g', { class: 'rk-chart-legend' }, items), height: y - top + rowHeight };
}

/** The accessible frame: one image named by its title and described by its desc; scales with its container. */
export function svgFrame(o: { id: string; title: string; description: string; view: Box; body: SafeHtml[] }) {
  const viewBox = [o.view.x, o.view.y, o.view.width, o.view.height].map(round2).join(' ');
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="rk-chart"
    viewBox="${viewBox}"
    role="img"
    aria-labelledby="${o.id}-title ${o.id}-desc"
  >
    <title id="${o.id}-title">${o.title}</title>
    <desc id="${o.id}-desc">${o.description}</desc>
    ${o.body}
  </svg>`;
}

/** A 1, 2 or 5 × 10ⁿ step that divides `range` into about five intervals. */
export function niceStep(range: number): number {
  const raw = (range > 0 ? range : 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
}

export function ticks(min: number, max: number): number[] {
  const step = niceStep(max - min);
  const first = Math.ceil(min / step - 1e-9);
  const count = Math.floor(max / step + 1e-9) - first + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, i) => round2((first + i) * step));
}
