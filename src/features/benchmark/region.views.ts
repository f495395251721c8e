import { alert } from '../../core/render/components.ts';
import { dataTable } from '../../core/render/data-table.ts';
import { barChart } from '../../core/render/bar-chart.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise, type Framework } from '../framework/index.ts';
import { minimumGroupSize } from './benchmark-anonymity.ts';
import { formatScore } from './open-data.views.ts';
import type { OpenDataSet, OpenFigure } from './open-data.service.ts';
import { regionMessage } from './region.messages.ts';
import type { NamedScore, NetworkSummary } from './region.queries.ts';

const crumbs = (ctx: PageContext, network?: NetworkSummary) => [
  { href: '/networks', label: regionMessage(ctx.locale, 'list.title') },
  ...(network ? [{ href: `/networks/${network.code}`, label: network.name }] : []),
];

export interface RegionData {
  network: NetworkSummary;
  participation: { period: number; participants: number }[];
  /** The period of the results and the named scores; null before any scan is submitted. */
  period: number | null;
  figures: OpenDataSet;
  named: NamedScore[];
  framework: Framework;
}

export function networksPage(ctx: PageContext, networks: NetworkSummary[]): string {
  const t = regionMessage.for(ctx.locale);
  const list =
    networks.length === 0
      ? html`<p class="utrecht-paragraph">${t('list.empty')}</p>`
      : html`<ul class="utrecht-unordered-list">
          ${networks.map(
            (n) =>
              html`<li>
                <a class="utrecht-link" href="/networks/${n.code}">${n.name}</a>
                (${t.plural('list.members', n.memberCount)})
              </li>`,
          )}
        </ul>`;
  return renderPage(ctx, {
    title: t('list.title'),
    nav: 'region',
    main: html`<h1 class="utrecht-heading-1">${t('list.title')}</h1>
      <p class="utrecht-paragraph">${t('list.intro')}</p>
      ${list}`,
  });
}

function participationSection(ctx: PageContext, data: RegionData): SafeHtml {
  const t = regionMessage.for(ctx.locale);
  const members = data.network.memberCount;
  const rows = data.participation;
  const share = (n: number) => `${members === 0 ? 0 : Math.round((100 * n) / members)}%`;
  const content =
    rows.length === 0
      ? html`<p class="utrecht-paragraph">${t('participation.none')}</p>`
      : html`<div class="rk-chart-frame">
            ${barChart({
              title: t('participation.caption'),
              description: t('participation.chartDescription', { count: members }),
              rows: rows.map((r) => ({ label: String(r.period), value: r.participants })),
              max: Math.max(members, 1),
              seriesLabels: { value: t('participation.participants'), compare: t('participation.members') },
              formatValue: (n) => String(Math.round(n)),
            })}
          </div>
          ${dataTable({
            caption: t('participation.caption'),
            rowHeaderLabel: t('participation.period'),
            columns: [
              { label: t('participation.participants'), numeric: true },
              { label: t('participation.members'), numeric: true },
              { label: t('participation.share'), numeric: true },
            ],
            rows: rows.map((r) => ({
              header: String(r.period),
              cells: [String(r.participants), String(members), share(r.participants)],
            })),
          })}`;
  return html`<section aria-labelledby="participation-heading">
    <h2 class="utrecht-heading-2" id="participation-heading">${t('participation.title')}</h2>
    <p class="utrecht-paragraph">${t('participation.intro')}</p>
    ${content}
  </section>`;
}

function periodChoice(ctx: PageContext, data: RegionData): SafeHtml | '' {
  const t = regionMessage.for(ctx.locale);
  if (data.participation.length < 2) return '';
  return html`<form class="rk-filter" method="get" action="/networks/${data.network.code}/benchmark">
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="field-period">${t('period.label')}</label>
      <select class="utrecht-select utrecht-select--html-select" id="field-period" name="period">
        ${[...data.participation]
          .reverse()
          .map(
            (p) =>
              html`<option value="${p.period}" ${p.period === data.period ? 'selected' : ''}>
                ${p.period}
              </option>`,
          )}
      </select>
    </div>
    <button type="submit" class="utrecht-button utrecht-button--secondary-action">${t('period.show')}</button>
  </form>`;
}

interface FigureTableOptions {
  caption: string;
  rowHeaderLabel: string;
  figures: OpenFigure[];
  /** Keys in display order (the framework's). */
  order: string[];
  label: (key: string) => string;
}

function figureTable(ctx: PageContext, o: FigureTableOptions): SafeHtml {
  const t = regionMessage.for(ctx.locale);
  const rank = (key: string) => (o.order.includes(key) ? o.order.indexOf(key) : o.order.length);
  return dataTable({
    caption: o.caption,
    rowHeaderLabel: o.rowHeaderLabel,
    columns: [
      { label: t('results.q1'), numeric: true },
      { label: t('results.median'), numeric: true },
      { label: t('results.q3'), numeric: true },
      { label: t('results.count'), numeric: true },
    ],
    rows: [...o.figures]
      .sort((a, b) => rank(a.key) - rank(b.key))
      .map((f) => ({ header: o.label(f.key), cells: [f.q1, f.median, f.q3, String(f.count)] })),
    formatNumber: (n) => formatScore(ctx.locale, n),
  });
}

function figureTables(ctx: PageContext, data: RegionData): SafeHtml {
  const t = regionMessage.for(ctx.locale);
  const { framework } = data;
  const pillars = [...framework.pillars].sort((a, b) => a.number - b.number);
  const pillarLabel = (key: string) => {
    const p = pillars.find((x) => x.id === key);
    return p ? `${p.number}. ${localise(p.title, ctx.locale)}` : key;
  };
  const ofKind = (kind: OpenFigure['kind']) => data.figures.items.filter((f) => f.kind === kind);
  return html`${figureTable(ctx, {
    caption: t('results.pillarCaption'),
    rowHeaderLabel: t('results.pillar'),
    figures: ofKind('pillar'),
    order: pillars.map((p) => p.id),
    label: pillarLabel,
  })}
  ${figureTable(ctx, {
    caption: t('results.themeCaption'),
    rowHeaderLabel: t('results.theme'),
    figures: ofKind('theme'),
    order: framework.themes.map((th) => th.id),
    label: (key) => themeTitle(ctx, framework, key),
  })}`;
}

function resultsContent(ctx: PageContext, data: RegionData): SafeHtml {
  const t = regionMessage.for(ctx.locale);
  const withheld = data.figures.withheld[0];
  if (withheld) {
    const message =
      withheld.reason === 'tooFew'
        ? t('results.tooFew', { minimum: minimumGroupSize })
        : t('results.differencing', { below: minimumGroupSize - 1 });
    return alert('info', html`<p class="utrecht-paragraph">${message}</p>`);
  }
  const items = data.figures.items;
  const overall = items.find((f) => f.kind === 'overall');
  const score = (n: number) => formatScore(ctx.locale, n);
  return html`<p class="utrecht-paragraph">${t('results.intro', { count: items[0]?.groupSize ?? 0 })}</p>
    ${
      overall
        ? html`<p class="utrecht-paragraph">
            ${t('results.overall', { median: score(overall.median), q1: score(overall.q1), q3: score(overall.q3) })}
          </p>`
        : ''
    }
    ${figureTables(ctx, data)}
    <p class="utrecht-paragraph rk-muted">${t('results.missing')}</p>`;
}

function themeTitle(ctx: PageContext, framework: Framework, key: string): string {
  const theme = framework.themes.find((th) => th.id === key);
  return theme ? localise(theme.title, ctx.locale) : key;
}

function namedSection(ctx: PageContext, data: RegionData, period: number): SafeHtml {
  const t = regionMessage.for(ctx.locale);
  const lowest = (n: NamedScore) =>
    n.lowest
      .map((l) => `${themeTitle(ctx, data.framework, l.key)} (${formatScore(ctx.locale, l.score)})`)
      .join('; ');
  const table =
    data.named.length === 0
      ? html`<p class="utrecht-paragraph">${t('named.empty', { period })}</p>`
      : dataTable({
          caption: t('named.caption', { period }),
          rowHeaderLabel: t('named.organisation'),
          emptyLabel: t('named.noScore'),
          columns: [{ label: t('named.overall'), numeric: true }, { label: t('named.lowest') }],
          rows: data.named.map((n) => ({ header: n.displayName, cells: [n.overall, lowest(n) || null] })),
          formatNumber: (n) => formatScore(ctx.locale, n),
        });
  return html`<section aria-labelledby="named-heading">
    <h2 class="utrecht-heading-2" id="named-heading">${t('named.title')}</h2>
    <p class="utrecht-paragraph">${t('named.intro')}</p>
    ${table}
  </section>`;
}

export function regionPage(ctx: PageContext, data: RegionData): string {
  const t = regionMessage.for(ctx.locale);
  const { name, memberCount } = data.network;
  const period = data.period;
  return renderPage(ctx, {
    title: t('title', { name }),
    nav: 'region',
    breadcrumbs: crumbs(ctx, data.network),
    main: html`<h1 class="utrecht-heading-1">${t('title', { name })}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t.plural('lead', memberCount, { name })}</p>
      ${participationSection(ctx, data)}
      ${
        period === null
          ? ''
          : html`${periodChoice(ctx, data)}
              <section aria-labelledby="results-heading">
                <h2 class="utrecht-heading-2" id="results-heading">${t('results.title', { period })}</h2>
                ${resultsContent(ctx, data)}
              </section>
              ${namedSection(ctx, data, period)}`
      }`,
  });
}
