import { formatDate } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { chartId, round2 } from '../../core/render/svg.ts';
import { GEOMETRY as G, layoutRoadmap, type PlacedAction, type RoadmapLayout } from './roadmap-layout.ts';
import { roadmapMessage } from './roadmap.messages.ts';
import type { RoadmapInput } from './roadmap.model.ts';
import { PALETTE } from './roadmap-style.ts';
import {
  arrowMarkup,
  barShape,
  BASELINE,
  diamond,
  el,
  haloed,
  legendMarkup,
  ROADMAP_FONT,
  text,
  warningTriangle,
} from './roadmap-svg-parts.ts';
import { quarterOfDate } from './roadmap-time.ts';

export { ROADMAP_FONT } from './roadmap-svg-parts.ts';

function actionMarkup(p: PlacedAction, input: RoadmapInput): SafeHtml {
  const t = roadmapMessage.for(input.locale);
  const tooltip = `${p.label.lines.map((l) => l.text).join(' ')} — ${t(`status.${p.action.status}`)}, ${p.action.progress}%`;
  const isInside = p.label.placement === 'inside';
  const labels = p.label.lines.map((line) =>
    text(line.x, line.y + BASELINE, line.text, {
      class: 'rk-roadmap-label',
      ...(line.anchor === 'end' ? { 'text-anchor': 'end' } : {}),
      ...(isInside ? {} : haloed),
    }),
  );
  return html`<g class="rk-roadmap-action" data-action="${p.action.id}" data-status="${p.action.status}">
    <title>${tooltip}</title>
    ${barShape(p.bar, p.action.status, p.progressWidth)}
    ${p.milestones.map((m) => diamond(m.x, m.y, m.isDone))}
    ${p.warning ? warningTriangle(p.warning.x, p.warning.y) : ''} ${labels}
  </g>`;
}

function axisMarkup(layout: RoadmapLayout): SafeHtml[] {
  const top = layout.axisTop;
  const bottom = layout.plot.y + layout.plot.height;
  const years = layout.years.map((year, i) => [
    el('rect', {
      x: year.x,
      y: top,
      width: year.width,
      height: G.yearRow,
      fill: i % 2 === 0 ? PALETTE.yearShade : PALETTE.laneShade,
    }),
    text(year.x + year.width / 2, top + 16, year.label, {
      'font-size': 13,
      'font-weight': 700,
      'text-anchor': 'middle',
    }),
  ]);
  const quarterTop = top + G.yearRow;
  const quarters = layout.quarters.map((q) => [
    q.quarter === 1
      ? ''
      : el('line', { x1: q.x, y1: quarterTop, x2: q.x, y2: bottom, stroke: PALETTE.grid, 'stroke-width': 1 }),
    q.width >= 22
      ? text(q.x + q.width / 2, quarterTop + 15, q.label, {
          'font-size': 11,
          'text-anchor': 'middle',
          fill: PALETTE.muted,
        })
      : '',
  ]);
  const yearLines = [...layout.years.map((y) => y.x), layout.plot.x + layout.plot.width].map((x) =>
    el('line', { x1: x, y1: top, x2: x, y2: bottom, stroke: PALETTE.yearLine, 'stroke-width': 1 }),
  );
  return [el('g', { class: 'rk-roadmap-axis' }, [years.flat(), quarters.flat(), yearLines])];
}

function lanesMarkup(layout: RoadmapLayout): SafeHtml {
  return el(
    'g',
    { class: 'rk-roadmap-lanes' },
    layout.lanes.map((lane, i) => [
      el('rect', {
        x: G.margin,
        y: lane.y,
        width: layout.width - 2 * G.margin,
        height: lane.height,
        fill: i % 2 === 0 ? PALETTE.laneShade : PALETTE.background,
      }),
      el('line', {
        x1: G.margin,
        y1: lane.y,
        x2: layout.width - G.margin,
        y2: lane.y,
        stroke: PALETTE.yearLine,
        'stroke-width': 1,
      }),
      el(
        'text',
        {
          x: G.margin + 4,
          'font-size': 14,
          'font-weight': 700,
          fill: PALETTE.text,
          class: 'rk-roadmap-lane-title',
        },
        lane.titleLines.map((line, n) =>
          el('tspan', { x: G.margin + 4, y: lane.y + G.lanePadding + 15 + n * 18 }, line),
        ),
      ),
    ]),
  );
}

function headerMarkup(input: RoadmapInput, layout: RoadmapLayout): (SafeHtml | string)[] {
  const t = roadmapMessage;
  const date = formatDate(input.locale, new Date(`${input.today}T12:00:00Z`));
  const parts = [
    text(G.margin, G.margin + 20, input.organisationName, {
      'font-size': 20,
      'font-weight': 700,
      class: 'rk-roadmap-organisation',
    }),
    input.strategyTitle === input.organisationName
      ? ''
      : text(G.margin, G.margin + 44, input.strategyTitle, { 'font-size': 15 }),
    text(G.margin, G.margin + 64, t(input.locale, 'asOf', { date }), {
      'font-size': 13,
      fill: PALETTE.muted,
      class: 'rk-roadmap-date',
    }),
  ];
  if (!layout.today) return parts;
  const { x } = layout.today;
  const bottom = layout.plot.y + layout.plot.height;
  const labelX = Math.min(Math.max(x, layout.plot.x + 30), layout.plot.x + layout.plot.width - 30);
  return [
    ...parts,
    el('g', { class: 'rk-roadmap-today' }, [
      el('line', {
        x1: x,
        y1: layout.axisTop - 2,
        x2: x,
        y2: bottom,
        stroke: PALETTE.today,
        'stroke-width': 2,
        'stroke-dasharray': '6 3',
      }),
      text(labelX, layout.axisTop - 6, t(input.locale, 'today'), {
        'font-size': 12,
        'font-weight': 700,
        'text-anchor': 'middle',
      }),
    ]),
  ];
}

export function roadmapDescription(input: RoadmapInput): { title: string; description: string } {
  const t = roadmapMessage;
  const date = formatDate(input.locale, new Date(`${input.today}T12:00:00Z`));
  const q = quarterOfDate(input.today);
  return {
    // The regional roadmap names itself once: its "organisation" and "strategy" are the same title.
    title:
      input.strategyTitle === input.organisationName
        ? input.strategyTitle
        : t(input.locale, 'svg.title', {
            strategy: input.strategyTitle,
            organisation: input.organisationName,
          }),
    description: t(input.locale, 'svg.description', {
      from: input.startYear,
      to: Math.max(input.endYear, input.startYear),
      count: input.actions.length,
      today: `${date}, ${t(input.locale, 'quarter', { quarter: q.quarter, year: q.year })}`,
    }),
  };
}

/** The roadmap as a standalone SVG document: the same markup is inlined in the page and downloaded. */
export function renderRoadmapSvg(input: RoadmapInput, layout: RoadmapLayout = layoutRoadmap(input)): string {
  const id = chartId(`roadmap|${input.organisationName}|${input.strategyTitle}|${input.today}`);
  const { title, description } = roadmapDescription(input);
  const [width, height] = [round2(layout.width), round2(layout.height)];
  const todayLayer = layout.today ? headerMarkup(input, layout).slice(3) : [];
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="rk-roadmap"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    font-family="${ROADMAP_FONT}"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${description}</desc>
    ${el('rect', { x: 0, y: 0, width, height, fill: PALETTE.background })}
    ${headerMarkup(input, { ...layout, today: null })} ${lanesMarkup(layout)} ${axisMarkup(layout)}
    ${todayLayer}
    <g class="rk-roadmap-arrows">${layout.arrows.map((a) => arrowMarkup(a.points))}</g>
    <g class="rk-roadmap-bars">${layout.actions.map((p) => actionMarkup(p, input))}</g>
    ${legendMarkup(layout)}
  </svg>`.toString();
}
