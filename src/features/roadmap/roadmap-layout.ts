import type { Box } from '../../core/render/svg.ts';
import { acyclicDependencies, routeArrow, type DependencyArrow } from './roadmap-arrows.ts';
import { layoutLegend, layoutLaneTitle, wrapToWidth, type LegendItem } from './roadmap-legend.ts';
import type { RoadmapAction, RoadmapInput } from './roadmap.model.ts';
import { packLane, type LabelPlacement, type PackItem } from './roadmap-packing.ts';
import { compareQuarters, quarterIndex, quarterOffsetOfDate } from './roadmap-time.ts';
import { roadmapMessage } from './roadmap.messages.ts';

/** Geometry of the infographic, in SVG user units (1600 wide: A3 landscape at about 96 units per inch). */
export const GEOMETRY = {
  width: 1600,
  margin: 24,
  gutter: 184,
  minQuarterWidth: 28,
  headerHeight: 74,
  todayBand: 20,
  yearRow: 22,
  quarterRow: 20,
  lanePadding: 8,
  rowHeight: 32,
  barTop: 8,
  barHeight: 22,
  labelFont: 12,
  /** A generous glyph-width estimate (0.6 em), so the real text fits the space reserved for it. */
  labelCharWidth: 7.2,
  labelHeight: 14,
  labelPadding: 6,
  markerWidth: 14,
  markerSpace: 18,
  milestoneHalf: 4.5,
  legendGap: 20,
} as const;

export interface LabelLine {
  text: string;
  /** Where the text is anchored (its left edge, or its right edge for a label left of its bar). */
  x: number;
  anchor: 'start' | 'end';
  /** Top of the line's box; the baseline sits 11 units below it. */
  y: number;
}
export interface PlacedMilestone {
  x: number;
  y: number;
  date: string;
  title: string;
  isDone: boolean;
}
export interface PlacedAction {
  action: RoadmapAction;
  lane: number;
  row: number;
  bar: Box;
  progressWidth: number;
  /** The action runs on before the first or after the last quarter drawn. */
  isClippedStart: boolean;
  isClippedEnd: boolean;
  label: { placement: LabelPlacement; box: Box; lines: LabelLine[] };
  warning: Box | null;
  milestones: PlacedMilestone[];
}
export interface LaneLayout {
  pillarId: string;
  title: string;
  titleLines: string[];
  y: number;
  height: number;
  rowCount: number;
}
export interface AxisCell {
  label: string;
  x: number;
  width: number;
  year: number;
  quarter?: number;
}
export interface RoadmapLayout {
  width: number;
  height: number;
  plot: Box;
  axisTop: number;
  years: AxisCell[];
  quarters: AxisCell[];
  lanes: LaneLayout[];
  actions: PlacedAction[];
  arrows: DependencyArrow[];
  today: { x: number; date: string } | null;
  legend: { y: number; items: LegendItem[] };
}

const G = GEOMETRY;

export const labelTextOf = (a: RoadmapAction): string =>
  a.organisationName ? `${a.organisationName}: ${a.title}` : a.title;

function timeAxis(input: RoadmapInput, totalWidth: number) {
  const endYear = Math.max(input.endYear, input.startYear);
  const quarterCount = (endYear - input.startYear + 1) * 4;
  const plotLeft = G.margin + G.gutter;
  const quarterWidth = Math.max(G.minQuarterWidth, (totalWidth - G.margin - plotLeft) / quarterCount);
  const xOf = (offset: number) => plotLeft + Math.min(Math.max(offset, 0), quarterCount) * quarterWidth;
  const quarterLabel = roadmapMessage(input.locale, 'axis.quarter');
  const years: AxisCell[] = [];
  const quarters: AxisCell[] = [];
  for (let year = input.startYear; year <= endYear; year += 1) {
    const x = xOf((year - input.startYear) * 4);
    years.push({ label: String(year), x, width: 4 * quarterWidth, year });
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      const qx = x + (quarter - 1) * quarterWidth;
      quarters.push({ label: `${quarterLabel}${quarter}`, x: qx, width: quarterWidth, year, quarter });
    }
  }
  return { quarterCount, plotLeft, plotRight: plotLeft + quarterCount * quarterWidth, xOf, years, quarters };
}

type Axis = ReturnType<typeof timeAxis>;

function spanOf(action: RoadmapAction, input: RoadmapInput, axis: Axis) {
  const [first, last] =
    compareQuarters(action.start, action.end) <= 0 ? [action.start, action.end] : [action.end, action.start];
  const startOffset = quarterIndex(first, input.startYear);
  const endOffset = quarterIndex(last, input.startYear) + 1;
  // An action entirely outside the period still gets a one-quarter bar at the nearest edge: drawn once.
  const from = Math.min(Math.max(startOffset, 0), axis.quarterCount - 1);
  const to = Math.max(Math.min(endOffset, axis.quarterCount), from + 1);
  return {
    barFrom: axis.xOf(from),
    barTo: axis.xOf(to),
    isClippedStart: startOffset < 0,
    isClippedEnd: endOffset > axis.quarterCount,
  };
}

function packItemOf(action: RoadmapAction, input: RoadmapInput, axis: Axis) {
  const span = spanOf(action, input, axis);
  const markerXs = action.milestones.map((m) => axis.xOf(quarterOffsetOfDate(m.date, input.startYear)));
  const text = labelTextOf(action);
  const marker = action.warnings.length > 0 ? G.markerSpace : 0;
  const wrapped = wrapToWidth(text, axis.plotRight - axis.plotLeft - marker, G.labelCharWidth);
  const item: PackItem = {
    barFrom: span.barFrom,
    barTo: span.barTo,
    extentFrom: Math.min(span.barFrom, ...markerXs.map((x) => x - G.milestoneHalf)),
    extentTo: Math.max(span.barTo, ...markerXs.map((x) => x + G.milestoneHalf)),
    labelWidth: marker + text.length * G.labelCharWidth,
    wrappedLineCount: wrapped.length,
    insidePadding: G.labelPadding,
  };
  return { action, span, markerXs, text, wrapped, marker, item };
}

type Prepared = ReturnType<typeof packItemOf>;

function placeAction(
  p: Prepared,
  lane: number,
  row: number,
  laneTop: number,
  packed: ReturnType<typeof packLane>['packed'][number],
): PlacedAction {
  const rowTop = (r: number) => laneTop + G.lanePadding + r * G.rowHeight;
  const barY = rowTop(row) + G.barTop;
  const bar = { x: p.span.barFrom, y: barY, width: p.span.barTo - p.span.barFrom, height: G.barHeight };
  const labelTop = (r: number) => rowTop(r) + G.barTop + (G.barHeight - G.labelHeight) / 2;
  const textX = packed.labelFrom + p.marker;
  const textWidth = (packed.placement === 'below' ? p.wrapped : [p.text]).reduce(
    (widest, line) => Math.max(widest, line.length * G.labelCharWidth),
    0,
  );
  // Real glyphs are narrower than the estimate: a label left of its bar (or pushed left of it below
  // the bar) is right-aligned, warning marker last, so it does not float away from the bar it names.
  const isBelow = packed.placement === 'below';
  const isLeft = packed.placement === 'left' || (isBelow && packed.labelFrom < bar.x - 0.5);
  const [x, anchor] = isLeft ? [packed.labelFrom + textWidth, 'end' as const] : [textX, 'start' as const];
  const lines: LabelLine[] = (isBelow ? p.wrapped : [p.text]).map((text, i) => ({
    text,
    x,
    anchor,
    y: labelTop(isBelow ? row + 1 + i : row),
  }));
  const firstTop = lines[0]?.y ?? labelTop(row);
  const box = {
    x: packed.labelFrom,
    y: firstTop,
    width: p.marker + textWidth,
    height: (lines.length - 1) * G.rowHeight + G.labelHeight,
  };
  const markerX = isLeft ? packed.labelFrom + textWidth + p.marker - G.markerWidth : packed.labelFrom;
  const warning =
    p.marker > 0 ? { x: markerX, y: firstTop, width: G.markerWidth, height: G.labelHeight } : null;
  const milestones = p.action.milestones.map((m, i) => ({ ...m, x: p.markerXs[i] ?? bar.x, y: barY - 1 }));
  const progress = Math.min(Math.max(p.action.progress, 0), 100);
  return {
    action: p.action,
    lane,
    row,
    bar,
    progressWidth: (bar.width * progress) / 100,
    isClippedStart: p.span.isClippedStart,
    isClippedEnd: p.span.isClippedEnd,
    label: { placement: packed.placement, box, lines },
    warning,
    milestones,
  };
}

function lanesOf(input: RoadmapInput): { id: string; title: string }[] {
  const known = new Set<string>(input.pillars.map((p) => p.id));
  const extra = [...new Set(input.actions.map((a) => a.pillar))].filter((id) => !known.has(id));
  return [...input.pillars, ...extra.map((id) => ({ id, title: id }))];
}

/**
 * Pure: the same input always gives the same layout. `width` narrows the drawing (in units, default
 * GEOMETRY.width) so that, printed on a page, its text keeps a readable size; the text sizes stay.
 */
export function layoutRoadmap(input: RoadmapInput, options: { width?: number } = {}): RoadmapLayout {
  const totalWidth = options.width ?? G.width;
  const axis = timeAxis(input, totalWidth);
  const axisTop = G.margin + G.headerHeight + G.todayBand;
  const plotTop = axisTop + G.yearRow + G.quarterRow;
  const order = new Map(input.actions.map((a, i) => [a.id, i]));
  const lanes: LaneLayout[] = [];
  const placed: PlacedAction[] = [];
  let y = plotTop;
  lanesOf(input).forEach((pillar, laneIndex) => {
    const prepared = input.actions
      .filter((a) => a.pillar === pillar.id)
      .map((a) => packItemOf(a, input, axis))
      .sort(
        (a, b) =>
          a.item.barFrom - b.item.barFrom ||
          b.item.barTo - a.item.barTo ||
          (order.get(a.action.id) ?? 0) - (order.get(b.action.id) ?? 0),
      );
    const { packed, rowCount } = packLane(
      prepared.map((p) => p.item),
      { from: axis.plotLeft, to: axis.plotRight },
    );
    const titleLines = layoutLaneTitle(pillar.title);
    const contentHeight = Math.max(rowCount * G.rowHeight, titleLines.length * 18);
    prepared.forEach((p, i) => {
      const result = packed[i];
      if (result) placed.push(placeAction(p, laneIndex, result.row, y, result));
    });
    lanes.push({
      pillarId: pillar.id,
      title: pillar.title,
      titleLines,
      y,
      height: contentHeight + 2 * G.lanePadding,
      rowCount,
    });
    y += contentHeight + 2 * G.lanePadding;
  });
  const bars = new Map(placed.map((p) => [p.action.id, p.bar]));
  const arrows = acyclicDependencies(input.actions).flatMap(({ fromId, toId }) => {
    const [from, to] = [bars.get(fromId), bars.get(toId)];
    return from && to ? [{ fromId, toId, points: routeArrow(from, to) }] : [];
  });
  const offset = quarterOffsetOfDate(input.today, input.startYear);
  const today =
    offset >= 0 && offset <= axis.quarterCount ? { x: axis.xOf(offset), date: input.today } : null;
  const hasWarnings = input.actions.some((a) => a.warnings.length > 0);
  const legend = layoutLegend(
    input.locale,
    G.margin,
    y + G.legendGap,
    totalWidth - 2 * G.margin,
    hasWarnings,
  );
  return {
    width: Math.max(totalWidth, axis.plotRight + G.margin),
    height: legend.bottom + G.margin,
    plot: { x: axis.plotLeft, y: plotTop, width: axis.plotRight - axis.plotLeft, height: y - plotTop },
    axisTop,
    years: axis.years,
    quarters: axis.quarters,
    lanes,
    actions: placed,
    arrows,
    today,
    legend: { y: y + G.legendGap, items: legend.items },
  };
}
