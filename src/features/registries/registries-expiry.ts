import type { OrganisationScope } from '../../core/http/context.ts';
import { table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import {
  chartId,
  COLOUR,
  el,
  FONT_SIZE,
  legend,
  svgFrame,
  textLines,
  wrapLabel,
} from '../../core/render/svg.ts';
import type { EntryRow } from './registries.queries.ts';
import { exitReadiness } from './registries-scoring.ts';
import { labelOf, registryCrumbs, registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { formatCalendarDay } from '../../core/i18n/i18n.ts';

export interface ExpiringContract {
  id: number;
  name: string;
  supplier: string;
  endDate: string;
  /** The last day to give notice (end date minus the notice period); null when no period is known. */
  noticeBy: string | null;
  score: number;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return iso(date);
}

/** Contracts whose end date falls from today up to 24 months ahead, soonest first. */
export function expiringContracts(entries: EntryRow[], today: string): ExpiringContract[] {
  const until = addMonths(today, 24);
  return entries
    .flatMap((e) => {
      const end = e.data.end_date;
      if (typeof end !== 'string' || end < today || end > until) return [];
      const notice = e.data.notice_months;
      return [
        {
          id: e.id,
          name: e.name,
          supplier: typeof e.data.supplier === 'string' ? e.data.supplier : '',
          endDate: end,
          noticeBy: typeof notice === 'number' ? addMonths(end, -notice) : null,
          score: exitReadiness(e.data).total,
        },
      ];
    })
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.name.localeCompare(b.name));
}

const day = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) =>
  (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / day;

/** A bar per contract from today to its end date, with a mark at the last notice day. */
export function expiryChart(ctx: PageContext, contracts: ExpiringContract[], today: string): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const until = addMonths(today, 24);
  const [labelWidth, plotWidth, rowHeight, top] = [260, 520, 44, 30];
  const x = (date: string) =>
    labelWidth + (Math.max(0, daysBetween(today, date)) / daysBetween(today, until)) * plotWidth;
  const axis = [0, 6, 12, 18, 24].map((m) => {
    const date = addMonths(today, m);
    return el('g', {}, [
      el('line', {
        x1: x(date),
        y1: top - 6,
        x2: x(date),
        y2: top + contracts.length * rowHeight,
        stroke: COLOUR.grid,
      }),
      el(
        'text',
        { x: x(date), y: top - 12, 'text-anchor': 'middle', 'font-size': FONT_SIZE, fill: COLOUR.muted },
        m === 0 ? t('expiry.today') : t('expiry.months', { months: m }),
      ),
    ]);
  });
  const rows = contracts.map((c, i) => {
    const y = top + i * rowHeight;
    const label = wrapLabel(c.name, 30, 2);
    const notice = c.noticeBy && c.noticeBy >= today ? x(c.noticeBy) : undefined;
    return el('g', { class: 'rk-expiry-row' }, [
      textLines(label, labelWidth - 10, y + (rowHeight - label.length * FONT_SIZE * 1.25) / 2 - 2, 'end'),
      el('rect', {
        x: labelWidth,
        y: y + 12,
        width: Math.max(2, x(c.endDate) - labelWidth),
        height: 20,
        fill: COLOUR.value,
      }),
      notice === undefined
        ? ''
        : el('line', {
            x1: notice,
            y1: y + 6,
            x2: notice,
            y2: y + 38,
            stroke: COLOUR.target,
            'stroke-width': 4,
          }),
    ]);
  });
  const key = legend(
    [
      { label: t('expiry.legendTerm'), swatch: 'bar', colour: COLOUR.value },
      { label: t('expiry.legendNotice'), swatch: 'marker', colour: COLOUR.target },
    ],
    labelWidth,
    top + contracts.length * rowHeight + 10,
    plotWidth,
  );
  const id = chartId(`expiry-${today}-${contracts.map((c) => c.id).join(',')}`);
  return svgFrame({
    id,
    title: t('expiry.chartTitle'),
    description: t.plural('expiry.chartDesc', contracts.length, {
      from: formatCalendarDay(ctx.locale, today),
      to: formatCalendarDay(ctx.locale, until),
    }),
    view: {
      x: 0,
      y: 0,
      width: labelWidth + plotWidth + 40,
      height: top + contracts.length * rowHeight + 10 + key.height,
    },
    body: [...axis, ...rows, key.markup],
  });
}

export function expiryPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  contracts: ExpiringContract[],
  today: string,
) {
  const t = registryMessage.for(ctx.locale);
  const base = registryPath(organisation, 'contracts');
  const body =
    contracts.length === 0
      ? html`<p class="utrecht-paragraph">${t('expiry.none')}</p>`
      : html`<figure class="rk-figure">${expiryChart(ctx, contracts, today)}</figure>
          ${table({
            caption: t('expiry.caption'),
            columns: [
              { label: t('column.name') },
              { label: labelFor(ctx, 'supplier') },
              { label: labelFor(ctx, 'end_date') },
              { label: t('expiry.noticeBy') },
              { label: t('column.score'), isNumeric: true },
            ],
            rows: contracts.map((c) => ({
              header: html`<a class="utrecht-link" href="${base}/${c.id}">${c.name}</a>`,
              cells: [
                c.supplier,
                formatCalendarDay(ctx.locale, c.endDate),
                c.noticeBy ? formatCalendarDay(ctx.locale, c.noticeBy) : '—',
                c.score,
              ],
            })),
          })}`;
  return renderPage(ctx, {
    title: t('expiry.title'),
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation, 'contracts'),
    main: html`<h1 class="utrecht-heading-1">${t('expiry.title')}</h1>
      <p class="utrecht-paragraph">
        ${t('expiry.intro', { from: formatCalendarDay(ctx.locale, today), to: formatCalendarDay(ctx.locale, addMonths(today, 24)) })}
      </p>
      ${body}`,
  });
}

const labelFor = (ctx: PageContext, key: string) => labelOf(ctx.locale, 'contracts', key);
