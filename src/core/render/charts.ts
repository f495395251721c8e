import { html, type SafeHtml } from './html.ts';
import {
  chartId,
  clamp,
  COLOUR,
  coordinates,
  el,
  FONT_SIZE,
  formatNumber,
  legend,
  LINE_HEIGHT,
  LINE_STYLES,
  niceStep,
  overlaps,
  round2,
  svgFrame,
  textLines,
  ticks,
  union,
  widest,
  wrapLabel,
  type Anchor,
  type Box,
  type LegendEntry,
} from './svg.ts';

const BAR_PLOT_WIDTH = 420;

// ——— Radar ———

export interface RadarAxis {
  label: string;
  value: number | null;
  target?: number | null;
  previous?: number | null;
}
export interface RadarChartOptions {
  title: string;
  description: string;
  axes: RadarAxis[];
  max: number;
  seriesLabels: { value: string; target: string; previous: string };
  /** Prefix for the title/desc ids; derived from the content when absent. */
  id?: string;
}
interface PlacedLabel {
  lines: string[];
  anchor: Anchor;
  x: number;
  box: Box;
}

const RADAR_SERIES = [
  { key: 'value', swatch: 'solid', colour: COLOUR.value },
  { key: 'target', swatch: 'dashed', colour: COLOUR.target },
  { key: 'previous', swatch: 'dotted', colour: COLOUR.previous },
] as const;

const angleOf = (i: number, count: number): number => -Math.PI / 2 + (2 * Math.PI * i) / count;
const pointAt = (angle: number, radius: number) => ({
  x: radius * Math.cos(angle),
  y: radius * Math.sin(angle),
});
const distanceToCentre = (b: Box): number =>
  Math.hypot(clamp(0, b.x, b.x + b.width), clamp(0, b.y, b.y + b.height));

/** Anchors the text away from the circle, then moves it outwards until its box clears the circle. */
function placeAxisLabel(lines: string[], angle: number, radius: number): PlacedLabel {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const anchor: Anchor = cos > 0.15 ? 'start' : cos < -0.15 ? 'end' : 'middle';
  const [width, height] = [widest(lines), lines.length * LINE_HEIGHT];
  for (let distance = radius + 8; ; distance += 2) {
    const { x, y } = pointAt(angle, distance);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
    const box = { x: left, y: y - height / 2 + (sin * height) / 2, width, height };
    if (distanceToCentre(box) >= radius + 6) return { lines, anchor, x, box };
  }
}

/** Grows the radius until no two labels overlap: many long labels need a bigger circle. */
function layoutRadar(labels: string[][]): { radius: number; placed: PlacedLabel[] } {
  for (let radius = 110; ; radius += 10) {
    const placed = labels.map((lines, i) => placeAxisLabel(lines, angleOf(i, labels.length), radius));
    const isClash = placed.some((a, i) => placed.slice(i + 1).some((b) => overlaps(a.box, b.box)));
    if (!isClash || radius >= 1500) return { radius, placed };
  }
}

function radarGrid(count: number, radius: number, max: number): SafeHtml {
  const step = max <= 10 ? 1 : niceStep(max);
  const levels = Array.from({ length: Math.ceil(max / step) }, (_, i) => Math.min((i + 1) * step, max));
  const ends = Array.from({ length: count }, (_, i) => pointAt(angleOf(i, count), radius));
  const rings = levels.map((level) => {
    const points = ends.map((p) => ({ x: (p.x * level) / max, y: (p.y * level) / max }));
    const stroke = { stroke: COLOUR.grid, 'stroke-width': level === max ? 1.5 : 1 };
    return el('polygon', { class: 'rk-chart-ring', points: coordinates(points), fill: 'none', ...stroke });
  });
  const axes = ends.map((p) =>
    el('line', { class: 'rk-chart-axis', x1: 0, y1: 0, x2: p.x, y2: p.y, stroke: COLOUR.grid }),
  );
  // Inside each ring, clear of the labels above the circle; a white halo keeps them legible over lines.
  const halo = {
    stroke: '#fff',
    'stroke-width': 3,
    'paint-order': 'stroke',
    'font-size': 11,
    fill: COLOUR.muted,
  };
  const numbers = levels.map((level) =>
    el('text', { x: 5, y: -(radius * level) / max + 12, ...halo }, round2(level)),
  );
  return el('g', { class: 'rk-chart-grid' }, [rings, axes, numbers]);
}

function seriesPoints(o: RadarChartOptions, key: 'value' | 'target' | 'previous', radius: number) {
  return o.axes.flatMap((axis, i) => {
    const value = axis[key];
    if (value === null || value === undefined) return [];
    return [pointAt(angleOf(i, o.axes.length), (radius * clamp(value, 0, o.max)) / o.max)];
  });
}

function radarSeries(o: RadarChartOptions, radius: number): { markup: SafeHtml[]; legend: LegendEntry[] } {
  const drawn = RADAR_SERIES.map((series) => ({
    series,
    points: seriesPoints(o, series.key, radius),
  })).filter(({ points }) => points.length > 0);
  const markup = drawn.map(({ series, points }) => {
    const fill = series.key === 'value' ? { fill: series.colour, 'fill-opacity': 0.15 } : { fill: 'none' };
    const stroke = { stroke: series.colour, 'stroke-linejoin': 'round', ...LINE_STYLES[series.swatch] };
    return el('polygon', {
      class: `rk-chart-${series.key}`,
      points: coordinates(points),
      ...fill,
      ...stroke,
    });
  });
  const vertices = seriesPoints(o, 'value', radius).map((p) =>
    el('circle', { cx: p.x, cy: p.y, r: 4, fill: COLOUR.value }),
  );
  const entries = drawn.map(({ series }) => ({ ...series, label: o.seriesLabels[series.key] }));
  return { markup: [...markup, el('g', { class: 'rk-chart-vertices' }, vertices)], legend: entries };
}

/** SVG radar chart; with fewer than 3 axes a radar means nothing, so it draws a bar chart instead. */
export function radarChart(o: RadarChartOptions): SafeHtml {
  if (o.axes.length < 3) return radarAsBars(o);
  const { radius, placed } = layoutRadar(o.axes.map((axis) => wrapLabel(axis.label)));
  const series = radarSeries(o, radius);
  const circle = { x: -radius, y: -radius, width: 2 * radius, height: 2 * radius };
  const chart = union([circle, ...placed.map((p) => p.box)], 0);
  const key = legend(series.legend, chart.x, chart.y + chart.height + 16, chart.width);
  const legendBox = { x: chart.x, y: chart.y + chart.height + 16, width: chart.width, height: key.height };
  const labels = placed.map((p) => textLines(p.lines, p.x, p.box.y, p.anchor));
  return svgFrame({
    id: o.id ?? chartId(JSON.stringify(o)),
    title: o.title,
    description: o.description,
    view: union([chart, legendBox], 12),
    body: [radarGrid(o.axes.length, radius, o.max), ...series.markup, el('g', {}, labels), key.markup],
  });
}

function radarAsBars(o: RadarChartOptions): SafeHtml {
  const key = o.axes.some((axis) => axis.target != null) ? 'target' : 'previous';
  return barChart({
    title: o.title,
    description: o.description,
    max: o.max,
    ...(o.id ? { id: o.id } : {}),
    rows: o.axes.map((axis) => ({ label: axis.label, value: axis.value, compare: axis[key] ?? null })),
    seriesLabels: { value: o.seriesLabels.value, compare: o.seriesLabels[key] },
  });
}

// ——— Bars ———

export interface BarRow {
  label: string;
  value: number | null;
  compare?: number | null;
}
export interface BarChartOptions {
  title: string;
  description: string;
  rows: BarRow[];
  max: number;
  min?: number;
  seriesLabels: { value: string; compare: string };
  formatValue?: (n: number) => string;
  id?: string;
}
interface BarScale {
  xOf: (n: number) => number;
  zeroX: number;
  plotLeft: number;
  format: (n: number) => string;
}

function valueText(text: string, x: number, mid: number, anchor: Anchor): SafeHtml {
  const attributes = { class: 'rk-chart-number', x, y: mid + FONT_SIZE * 0.35, 'text-anchor': anchor };
  return el('text', { ...attributes, 'font-size': FONT_SIZE, fill: COLOUR.text }, text);
}

function barRow(row: BarRow, lines: string[], top: number, height: number, s: BarScale): SafeHtml {
  const mid = top + height / 2;
  const label = textLines(lines, 0, mid - (lines.length * LINE_HEIGHT) / 2, 'start');
  const compareX = row.compare == null ? null : s.xOf(row.compare);
  const compare = { class: 'rk-chart-compare', stroke: COLOUR.target, 'stroke-width': 3 };
  const marker =
    compareX === null
      ? ''
      : el('line', { ...compare, x1: compareX, y1: mid - 13, x2: compareX, y2: mid + 13 });
  if (row.value === null) {
    return el('g', { class: 'rk-chart-row' }, [label, marker, valueText('—', s.zeroX + 6, mid, 'start')]);
  }
  const x = s.xOf(row.value);
  const isLeft = x < s.zeroX;
  const bar = {
    x: Math.min(x, s.zeroX),
    y: mid - 8,
    width: Math.abs(x - s.zeroX),
    height: 16,
    fill: COLOUR.value,
  };
  const textX = isLeft ? Math.min(x, compareX ?? x) - 6 : Math.max(x, compareX ?? x) + 6;
  const number = valueText(s.format(row.value), textX, mid, isLeft ? 'end' : 'start');
  return el('g', { class: 'rk-chart-row' }, [
    label,
    el('rect', { class: 'rk-chart-value', ...bar }),
    marker,
    number,
  ]);
}

function barScale(o: BarChartOptions, min: number, labelWidth: number, valueWidth: number): BarScale {
  const span = o.max > min ? o.max - min : 1;
  const plotLeft = labelWidth + 16 + (min < 0 ? valueWidth : 0);
  const xOf = (n: number) => plotLeft + ((clamp(n, min, o.max) - min) / span) * BAR_PLOT_WIDTH;
  return { xOf, zeroX: xOf(clamp(0, min, o.max)), plotLeft, format: o.formatValue ?? formatNumber };
}

function barScaleAxis(s: BarScale, min: number, max: number, bottom: number): SafeHtml {
  const tickLabel = { y: bottom + 5 + FONT_SIZE * 1.1, 'text-anchor': 'middle', 'font-size': FONT_SIZE - 1 };
  const marks = ticks(min, max).map((t) => [
    el('line', { x1: s.xOf(t), y1: 0, x2: s.xOf(t), y2: bottom + 5, stroke: COLOUR.grid }),
    el('text', { class: 'rk-chart-tick', x: s.xOf(t), ...tickLabel, fill: COLOUR.muted }, s.format(t)),
  ]);
  const right = s.plotLeft + BAR_PLOT_WIDTH;
  return el('g', { class: 'rk-chart-scale' }, [
    marks,
    el('line', { x1: s.plotLeft, y1: bottom, x2: right, y2: bottom, stroke: COLOUR.muted }),
    el('line', {
      class: 'rk-chart-zero',
      x1: s.zeroX,
      y1: 0,
      x2: s.zeroX,
      y2: bottom,
      stroke: COLOUR.text,
      'stroke-width': 1.5,
    }),
  ]);
}

/** Horizontal bars growing from zero (to the left for negative values), each row as tall as its label. */
export function barChart(o: BarChartOptions): SafeHtml {
  const min = Math.min(o.min ?? 0, o.max);
  const format = o.formatValue ?? formatNumber;
  const labels = o.rows.map((row) => wrapLabel(row.label, 24, 3));
  const numbers = o.rows.flatMap((row) => [row.value, row.compare ?? null]);
  const valueWidth = widest(numbers.map((n) => (n === null ? '—' : format(n)))) + 12;
  const scale = barScale(o, min, widest(labels.flat()), valueWidth);
  let bottom = 0;
  const rows = o.rows.map((row, i) => {
    const lines = labels[i] ?? [];
    const height = Math.max(lines.length * LINE_HEIGHT, 26) + 12;
    bottom += height;
    return barRow(row, lines, bottom - height, height, scale);
  });
  const width = scale.plotLeft + BAR_PLOT_WIDTH + valueWidth;
  const entries: LegendEntry[] = [{ label: o.seriesLabels.value, swatch: 'bar', colour: COLOUR.value }];
  if (o.rows.some((row) => row.compare != null)) {
    entries.push({ label: o.seriesLabels.compare, swatch: 'marker', colour: COLOUR.target });
  }
  const legendTop = bottom + 5 + FONT_SIZE * 1.1 + 16;
  const key = legend(entries, 0, legendTop, width);
  return svgFrame({
    id: o.id ?? chartId(JSON.stringify(o)),
    title: o.title,
    description: o.description,
    view: union([{ x: 0, y: 0, width, height: legendTop + key.height }], 12),
    body: [barScaleAxis(scale, min, o.max, bottom), ...rows, key.markup],
  });
}

// ——— Table ———

export interface DataTableOptions {
  caption: string;
  /** Heads the column of row headers; without it that corner stays empty. */
  rowHeaderLabel?: string;
  /** One per cell of each row. */
  columns: { label: string; numeric?: boolean }[];
  rows: { header: string; cells: (string | number | null)[] }[];
  /** Read by screen readers for a missing value, e.g. "geen waarde"; sighted users see an em dash. */
  emptyLabel?: string;
  formatNumber?: (n: number) => string;
}

function emptyCell(label: string): SafeHtml {
  if (label === '—') return html`—`;
  return html`<span aria-hidden="true">—</span><span class="rk-visually-hidden">${label}</span>`;
}

/** The table alternative to a chart (WCAG 1.1.1). */
export function dataTable(o: DataTableOptions): SafeHtml {
  const format = o.formatNumber ?? formatNumber;
  const numeric = (column: number) => (o.columns[column]?.numeric ? ' rk-number' : '');
  const cell = (value: string | number | null, column: number) =>
    html`<td class="utrecht-table__cell${numeric(column)}">
      ${value === null ? emptyCell(o.emptyLabel ?? '—') : typeof value === 'number' ? format(value) : value}
    </td>`;
  const corner = o.rowHeaderLabel
    ? html`<th scope="col" class="utrecht-table__header-cell">${o.rowHeaderLabel}</th>`
    : html`<td class="utrecht-table__header-cell"></td>`;
  const headers = o.columns.map(
    (column, i) => html`<th scope="col" class="utrecht-table__header-cell${numeric(i)}">${column.label}</th>`,
  );
  const rows = o.rows.map(
    (row) =>
      html`<tr class="utrecht-table__row">
        <th scope="row" class="utrecht-table__header-cell">${row.header}</th>
        ${row.cells.map(cell)}
      </tr>`,
  );
  return html`<table class="utrecht-table utrecht-table--html-table">
    <caption class="utrecht-table__caption">
      ${o.caption}
    </caption>
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        ${corner}${headers}
      </tr>
    </thead>
    <tbody class="utrecht-table__body">
      ${rows}
    </tbody>
  </table>`;
}
