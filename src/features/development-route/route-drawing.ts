import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { el, svgFrame } from '../../core/render/svg.ts';
import { localise, type Framework, type Pillar, type Theme } from '../framework/index.ts';
import { routeMessage } from './development-route.messages.ts';

/**
 * The handreiking's development route drawn from the framework itself: the four pillars in order as
 * columns joined by arrows, each with what the stage asks (its description) and the themes of the scan
 * that measure it, which are the digital foundation's three parts and the six preconditions. Sized
 * for one A4 landscape page (297 × 210 mm) at 1120 × 792 units.
 */
export interface RouteStage {
  pillar: Pillar;
  themes: { theme: Theme; questions: number }[];
}

/** Where a municipality stands, per pillar id: its score from its latest submitted scan. */
export type RoutePosition = Map<string, number>;

export function routeStages(framework: Framework): RouteStage[] {
  return [...framework.pillars]
    .sort((a, b) => a.number - b.number)
    .map((pillar) => ({
      pillar,
      themes: framework.themes
        .filter((t) => t.pillar === pillar.id)
        .map((theme) => ({ theme, questions: theme.questions.length })),
    }));
}

const WIDTH = 1120;
const HEIGHT = 792;
const MARGIN = 24;
const GAP = 28;
const COLUMN = (WIDTH - 2 * MARGIN - 3 * GAP) / 4;
const FILLS = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6'];
const INK = '#1b1b1b';

/** Greedy wrapping: the core's evened-out wrapper tries every cut, which is for labels, not paragraphs. */
export function wrapParagraph(text: string, width: number): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      result.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) result.push(line);
  return result;
}

function lines(text: string, x: number, top: number, size: number, o: { bold?: boolean; width: number }) {
  const wrapped = wrapParagraph(text, Math.floor(o.width / (size * 0.55)));
  const spans = wrapped.map((line, i) => el('tspan', { x, y: top + size + i * size * 1.25 }, line));
  const attributes = { 'font-size': size, fill: INK, 'font-weight': o.bold ? 700 : undefined };
  return { svg: el('text', attributes, spans), height: wrapped.length * size * 1.25 };
}

function stageColumn(locale: Locale, stage: RouteStage, index: number, position: RoutePosition | undefined) {
  const t = routeMessage.for(locale);
  const x = MARGIN + index * (COLUMN + GAP);
  const inner = COLUMN - 24;
  let y = 96;
  const parts: SafeHtml[] = [];
  const heading = lines(
    `${stage.pillar.number}. ${localise(stage.pillar.title, locale)}`,
    x + 12,
    y + 8,
    17,
    {
      bold: true,
      width: inner,
    },
  );
  parts.push(heading.svg);
  y += heading.height + 20;
  const asks = lines(localise(stage.pillar.description, locale), x + 12, y, 11.5, { width: inner });
  parts.push(asks.svg);
  y += asks.height + 14;
  parts.push(
    el(
      'text',
      { x: x + 12, y: y + 12, 'font-size': 12, 'font-weight': 700, fill: INK },
      t('drawing.measured'),
    ),
  );
  y += 20;
  for (const { theme, questions } of stage.themes) {
    const title = lines(localise(theme.title, locale), x + 20, y + 4, 12, { bold: true, width: inner - 16 });
    const height = title.height + 26;
    parts.push(
      el('rect', { x: x + 10, y, width: COLUMN - 20, height, rx: 6, fill: '#ffffff', stroke: '#4b5560' }),
    );
    parts.push(title.svg);
    parts.push(
      el(
        'text',
        { x: x + 20, y: y + title.height + 18, 'font-size': 11, fill: INK },
        t('drawing.questions', { count: questions }),
      ),
    );
    y += height + 8;
  }
  const score = position?.get(stage.pillar.id);
  if (score !== undefined) {
    const label = t('drawing.position', {
      score: score.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }),
    });
    parts.push(
      el('rect', { x: x + 10, y: HEIGHT - 84, width: COLUMN - 20, height: 34, rx: 17, fill: '#08306b' }),
    );
    parts.push(
      el(
        'text',
        {
          x: x + COLUMN / 2,
          y: HEIGHT - 62,
          'text-anchor': 'middle',
          'font-size': 13,
          'font-weight': 700,
          fill: '#ffffff',
        },
        label,
      ),
    );
  }
  const box = el('rect', {
    x,
    y: 88,
    width: COLUMN,
    height: HEIGHT - 88 - MARGIN - 20,
    rx: 10,
    fill: FILLS[index] ?? FILLS[0],
    stroke: '#4b5560',
  });
  const arrow =
    index < 3
      ? el('polygon', {
          points: `${x + COLUMN + 4},${HEIGHT / 2 - 14} ${x + COLUMN + GAP - 4},${HEIGHT / 2} ${x + COLUMN + 4},${HEIGHT / 2 + 14}`,
          fill: INK,
        })
      : '';
  return html`<g class="rk-route-stage" data-pillar="${stage.pillar.id}">${box}${parts}${arrow}</g>`;
}

export function routeDrawing(
  locale: Locale,
  framework: Framework,
  position?: { name: string; pillars: RoutePosition },
): SafeHtml {
  const t = routeMessage.for(locale);
  const stages = routeStages(framework);
  const title = el(
    'text',
    { x: MARGIN, y: 44, 'font-size': 26, 'font-weight': 700, fill: INK },
    t('drawing.title'),
  );
  const subtitle = el(
    'text',
    { x: MARGIN, y: 70, 'font-size': 14, fill: INK },
    position ? t('drawing.subtitleFor', { name: position.name }) : t('drawing.subtitle'),
  );
  return svgFrame({
    id: 'development-route',
    title: t('drawing.title'),
    description: t('drawing.description', { count: stages.length }),
    view: { x: 0, y: 0, width: WIDTH, height: HEIGHT },
    body: [
      el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#ffffff' }),
      title,
      subtitle,
      ...stages.map((s, i) => stageColumn(locale, s, i, position?.pillars)),
    ],
  });
}
