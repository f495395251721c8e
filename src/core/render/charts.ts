import { type SafeHtml } from './html.ts';
import {
  chartId,
  clamp,
  COLOUR,
  coordinates,
  el,
  legend,
  LINE_HEIGHT,
  LINE_STYLES,
  niceStep,
  overlaps,
  round2,
  svgFrame,
  textLines,
  union,
  widest,
  wrapLabel,
  type Anchor,
  type Box,
  type LegendEntry,
} from './svg.ts';
import { barChart } from './bar-chart.ts';

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
