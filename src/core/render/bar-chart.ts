import { type SafeHtml } from './html.ts';
import {
  chartId,
  clamp,
  COLOUR,
  el,
  FONT_SIZE,
  formatNumber,
  legend,
  LINE_HEIGHT,
  svgFrame,
  textLines,
  ticks,
  union,
  widest,
  wrapLabel,
  type Anchor,
  type LegendEntry,
} from './svg.ts';

const BAR_PLOT_WIDTH = 420;

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
  /** The distance between ticks; by default a round fifth of the scale or less. */
  tickStep?: number;
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

function ticksOf(min: number, max: number, step: number | undefined): number[] {
  if (!step || step <= 0) return ticks(min, max);
  const first = Math.ceil(min / step - 1e-9);
  const count = Math.floor(max / step + 1e-9) - first + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, i) => Math.round((first + i) * step * 1000) / 1000);
}

function barScaleAxis(s: BarScale, min: number, max: number, bottom: number, step?: number): SafeHtml {
  const tickLabel = { y: bottom + 5 + FONT_SIZE * 1.1, 'text-anchor': 'middle', 'font-size': FONT_SIZE - 1 };
  const marks = ticksOf(min, max, step).map((t) => [
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

/** Half-widths a symmetric scale may take: each gives ticks at quarters, halves or whole numbers. */
const symmetricSteps = [0.1, 0.2, 0.25, 0.5, 1, 2, 3, 4, 5, 10];

/**
 * The half-width of a scale centred on zero that holds every value with the largest of them filling
 * at least half of it, so that changes under 1 on a 1–5 scale still show as bars; never more than
 * `limit` (the largest change possible).
 */
export function symmetricExtent(values: (number | null)[], limit: number): number {
  const largest = Math.max(0, ...values.map((v) => (v === null ? 0 : Math.abs(v))));
  const extent = symmetricSteps.find((step) => step >= largest - 1e-9) ?? limit;
  return Math.min(Math.max(extent, symmetricSteps[0] ?? 0.1), limit);
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
    body: [barScaleAxis(scale, min, o.max, bottom, o.tickStep), ...rows, key.markup],
  });
}
