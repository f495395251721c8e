import { formatDate } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { table } from '../../core/render/components.ts';
import { roadmapMessage } from './roadmap.messages.ts';
import type { Quarter, RoadmapAction, RoadmapInput } from './roadmap.model.ts';
import { addQuarters, compareQuarters, quarterOfDate } from './roadmap-time.ts';

/**
 * The text alternative of the infographic (same data, per pillar) and the "Nu / Straks / Later" view.
 * Both are pure functions of the RoadmapInput, so the page, the public page and the embed show the same.
 */

export const horizons = ['now', 'next', 'later', 'finished'] as const;
export type Horizon = (typeof horizons)[number];
/** "Straks" reaches this many quarters after the current one; anything starting later is "Later". */
export const NEXT_QUARTERS = 4;

/**
 * Buckets relative to the quarter of `today`:
 * - finished: status done or stopped, whatever the dates;
 * - now: started in the current quarter or before (overdue actions stay "now" until done or stopped);
 * - next: starts in one of the next NEXT_QUARTERS quarters;
 * - later: starts after that.
 */
export function horizonOf(action: RoadmapAction, today: string): Horizon {
  if (action.status === 'done' || action.status === 'stopped') return 'finished';
  const current = quarterOfDate(today);
  if (compareQuarters(action.start, current) <= 0) return 'now';
  return compareQuarters(action.start, addQuarters(current, NEXT_QUARTERS)) <= 0 ? 'next' : 'later';
}

const quarterText = (input: RoadmapInput, q: Quarter) =>
  roadmapMessage(input.locale, 'quarter', { quarter: q.quarter, year: q.year });

export const periodText = (input: RoadmapInput, a: RoadmapAction): string =>
  roadmapMessage(input.locale, 'period', {
    start: quarterText(input, a.start),
    end: quarterText(input, a.end),
  });

const dateText = (input: RoadmapInput, iso: string) => formatDate(input.locale, new Date(`${iso}T12:00:00Z`));

function listOrDash(items: string[]): SafeHtml | string {
  if (items.length === 0) return '–';
  return html`<ul class="rk-roadmap-cell-list">
    ${items.map((item) => html`<li>${item}</li>`)}
  </ul>`;
}

function actionRow(input: RoadmapInput, a: RoadmapAction, titles: Map<string, string>) {
  const t = roadmapMessage.for(input.locale);
  const milestones = a.milestones.map((m) =>
    t(m.isDone ? 'milestone.done' : 'milestone.open', { date: dateText(input, m.date), title: m.title }),
  );
  const dependencies = a.dependsOn.flatMap((id) => (titles.has(id) ? [titles.get(id) ?? id] : []));
  const cells = [
    ...(input.actions.some((x) => x.organisationName) ? [a.organisationName ?? ''] : []),
    periodText(input, a),
    t(`status.${a.status}`),
    `${a.progress}%`,
    listOrDash(milestones),
    listOrDash(dependencies),
    listOrDash(a.warnings),
  ];
  return { header: a.title, cells };
}

/** Per pillar a heading (h3) and a table of its actions; the caller gives the section its h2. */
export function roadmapTextAlternative(input: RoadmapInput): SafeHtml {
  const t = roadmapMessage.for(input.locale);
  const titles = new Map(input.actions.map((a) => [a.id, a.title]));
  const isRegional = input.actions.some((a) => a.organisationName);
  const columns = [
    t('column.action'),
    ...(isRegional ? [t('column.organisation')] : []),
    t('column.period'),
    t('column.status'),
    t('column.progress'),
    t('column.milestones'),
    t('column.dependsOn'),
    t('column.warnings'),
  ].map((label) => ({ label, isNumeric: label === t('column.progress') }));
  return html`${input.pillars.map((pillar) => {
    const actions = input.actions.filter((a) => a.pillar === pillar.id);
    const body =
      actions.length === 0
        ? html`<p class="utrecht-paragraph">${t('text.none')}</p>`
        : table({
            caption: t('text.caption', { pillar: pillar.title }),
            columns,
            rows: actions.map((a) => actionRow(input, a, titles)),
            className: 'rk-roadmap-table',
          });
    return html`<section class="rk-roadmap-pillar">
      <h3 class="utrecht-heading-3">${pillar.title}</h3>
      ${body}
    </section>`;
  })}`;
}

/** The four buckets as h3 sections with their rule and a list of actions. */
export function roadmapHorizons(input: RoadmapInput): SafeHtml {
  const t = roadmapMessage.for(input.locale);
  const pillarTitle = new Map(input.pillars.map((p) => [p.id, p.title]));
  const current = quarterOfDate(input.today);
  const intro = t('horizon.intro', {
    today: dateText(input, input.today),
    quarter: quarterText(input, current),
  });
  const sections = horizons.map((horizon) => {
    const actions = input.actions.filter((a) => horizonOf(a, input.today) === horizon);
    const items = actions.map((a) => {
      const details = [
        a.organisationName,
        pillarTitle.get(a.pillar) ?? a.pillar,
        periodText(input, a),
        t(`status.${a.status}`),
        `${a.progress}%`,
      ].filter(Boolean);
      const warnings = a.warnings.length > 0 ? html` <strong>⚠ ${a.warnings.join('; ')}</strong>` : '';
      return html`<li>
        <span class="rk-roadmap-horizon-title">${a.title}</span> — ${details.join(', ')}${warnings}
      </li>`;
    });
    return html`<section class="rk-roadmap-horizon" data-horizon="${horizon}">
      <h3 class="utrecht-heading-3">${t(`horizon.${horizon}`)} (${actions.length})</h3>
      <p class="utrecht-paragraph">${t(`horizon.${horizon}.rule`)}</p>
      ${
        actions.length === 0
          ? html`<p class="utrecht-paragraph">${t('horizon.empty')}</p>`
          : html`<ul class="utrecht-unordered-list">
              ${items}
            </ul>`
      }
    </section>`;
  });
  return html`<p class="utrecht-paragraph">${intro}</p>
    <div class="rk-roadmap-horizons">${sections}</div>`;
}
