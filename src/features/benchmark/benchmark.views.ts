import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { dataTable } from '../../core/render/data-table.ts';
import { barChart } from '../../core/render/bar-chart.ts';
import { alert } from '../../core/render/components.ts';
import { selectField } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { getFramework, localise, type Framework } from '../framework/index.ts';
import { minimumGroupSize } from './benchmark-anonymity.ts';
import { formatScore } from './benchmark-format.ts';
import { benchmarkMessage } from './benchmark.messages.ts';
import type { BenchmarkData } from './benchmark-page.ts';
import type { BenchmarkSnapshot } from './benchmark.service.ts';
import type { AcrossVersions } from './benchmark-versions.ts';
import type { GroupStatistic } from './benchmark.queries.ts';
import { learnSection } from './learn.views.ts';

export function crumbs(organisation: OrganisationScope) {
  return [{ href: `/o/${organisation.code}`, label: organisation.displayName }];
}

function choiceForm(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const periods = data.periods.map((p) => ({ value: String(p), label: String(p) }));
  return html`<form method="get" action="/o/${data.organisation.code}/benchmark" class="rk-filter">
    ${selectField({ name: 'group', label: t('form.group'), value: data.group.id, choices: data.choices.map((c) => ({ value: c.id, label: c.label })), locale: ctx.locale })}
    ${periods.length > 1 ? selectField({ name: 'period', label: t('form.period'), value: String(data.scan.period), choices: periods, locale: ctx.locale }) : ''}
    <div class="rk-actions">
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        ${t('form.submit')}
      </button>
    </div>
  </form>`;
}

interface Row {
  header: string;
  own: number | null;
  statistic: GroupStatistic | undefined;
}

function figuresTable(ctx: PageContext, caption: string, rowHeaderLabel: string, rows: Row[]): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const hidden = t('notShown');
  const value = (s: GroupStatistic | undefined, pick: (s: GroupStatistic) => number) =>
    s ? formatScore(ctx, pick(s)) : hidden;
  return html`${dataTable({
    caption,
    rowHeaderLabel,
    emptyLabel: t('noScore'),
    columns: [
      { label: t('column.own'), numeric: true },
      { label: t('column.q1'), numeric: true },
      { label: t('column.median'), numeric: true },
      { label: t('column.q3'), numeric: true },
      { label: t('column.count'), numeric: true },
    ],
    rows: rows.map((r) => ({
      header: r.header,
      cells: [
        r.own === null ? null : formatScore(ctx, r.own),
        value(r.statistic, (s) => s.q1),
        value(r.statistic, (s) => s.median),
        value(r.statistic, (s) => s.q3),
        r.statistic ? String(r.statistic.count) : hidden,
      ],
    })),
  })}`;
}

function rowsOf(data: BenchmarkData, statistics: GroupStatistic[], kind: 'theme' | 'pillar' | 'overall') {
  const own = (key: string) => data.own.find((s) => s.kind === kind && s.key === key)?.score ?? null;
  const statistic = (key: string) => statistics.find((s) => s.kind === kind && s.key === key);
  return (key: string, header: string): Row => ({ header, own: own(key), statistic: statistic(key) });
}

function themeSection(
  ctx: PageContext,
  data: BenchmarkData,
  framework: Framework,
  statistics: GroupStatistic[],
) {
  const t = benchmarkMessage.for(ctx.locale);
  const row = rowsOf(data, statistics, 'theme');
  const rows = framework.themes.map((theme) => row(theme.id, localise(theme.title, ctx.locale)));
  const chart = barChart({
    title: t('chart.title', { group: data.group.label }),
    description: t('chart.description'),
    rows: rows.map((r) => ({ label: r.header, value: r.own, compare: r.statistic?.median ?? null })),
    max: 5,
    seriesLabels: { value: t('series.own'), compare: t('series.median') },
    formatValue: (n) => formatScore(ctx, n),
  });
  const caption = t('table.themes', { group: data.group.label, period: data.scan.period });
  return html`<section aria-labelledby="themes-heading">
    <h2 class="utrecht-heading-2" id="themes-heading">${t('themes')}</h2>
    <div class="rk-chart-frame">${chart}</div>
    ${figuresTable(ctx, caption, t('column.theme'), rows)}
  </section>`;
}

function pillarSection(
  ctx: PageContext,
  data: BenchmarkData,
  framework: Framework,
  statistics: GroupStatistic[],
) {
  const t = benchmarkMessage.for(ctx.locale);
  const row = rowsOf(data, statistics, 'pillar');
  const rows = [
    ...framework.pillars.map((p) => row(p.id, `${p.number}. ${localise(p.title, ctx.locale)}`)),
    rowsOf(data, statistics, 'overall')('all', t('row.overall')),
  ];
  const caption = t('table.pillars', { group: data.group.label, period: data.scan.period });
  return html`<section aria-labelledby="pillars-heading">
    <h2 class="utrecht-heading-2" id="pillars-heading">${t('pillars')}</h2>
    ${figuresTable(ctx, caption, t('column.pillar'), rows)}
    <p class="utrecht-paragraph rk-muted">${t('explained', { minimum: minimumGroupSize })}</p>
  </section>`;
}

function withheld(ctx: PageContext, data: BenchmarkData, reason: 'tooFew' | 'differencing'): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const p = { group: data.group.label, period: data.scan.period, minimum: minimumGroupSize };
  if (reason === 'differencing')
    return alert('info', html`<p class="utrecht-paragraph">${t('withheld.differencing', p)}</p>`);
  return alert(
    'info',
    html`<p class="utrecht-paragraph"><strong>${t('withheld.tooFew')}</strong></p>
      <p class="utrecht-paragraph">${t('withheld.tooFew.detail', p)}</p>`,
  );
}

function figuresSection(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const figures = data.figures;
  if (!figures.isShown) return withheld(ctx, data, figures.reason);
  const across = figures.acrossVersions;
  // Across versions the scores are given under the newest version's theme and pillar ids.
  const framework = getFramework(across?.versions.at(-1) ?? data.scan.frameworkVersion);
  const own = data.own.find((s) => s.kind === 'overall')?.score ?? null;
  const median = figures.statistics.find((s) => s.kind === 'overall')?.median;
  const size = { group: data.group.label, count: figures.size, period: data.scan.period };
  const overall =
    own === null
      ? ''
      : median === undefined
        ? t('overall.noMedian', { own: formatScore(ctx, own) })
        : t('overall', { own: formatScore(ctx, own), median: formatScore(ctx, median) });
  return html`<p class="utrecht-paragraph" id="group-size"><strong>${t('size', size)}</strong></p>
    ${across ? acrossVersionsNote(ctx, 'acrossVersions', across) : ''}
    ${overall ? html`<p class="utrecht-paragraph">${overall}</p>` : ''}
    ${themeSection(ctx, data, framework, figures.statistics)}
    ${pillarSection(ctx, data, framework, figures.statistics)}`;
}

/** Which framework versions were compared and on how many questions: shown wherever that happens. */
export function acrossVersionsNote(
  ctx: PageContext,
  key: 'acrossVersions' | 'trend.acrossVersions',
  across: AcrossVersions,
): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const last = across.versions.at(-1) ?? '';
  const versions = `${across.versions.slice(0, -1).join(', ')} ${t('versions.and')} ${last}`;
  return html`<p class="utrecht-paragraph" data-across-versions="${across.versions.join(' ')}">
    ${t(key, { versions, questions: across.questions })}
  </p>`;
}

function trendSection(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const hidden = t('notShown');
  const across = data.trend.find((p) => p.acrossVersions)?.acrossVersions;
  return html`<section aria-labelledby="trend-heading">
    <h2 class="utrecht-heading-2" id="trend-heading">${t('trend')}</h2>
    <p class="utrecht-paragraph">${t('trend.intro', { group: data.group.label })}</p>
    ${across ? acrossVersionsNote(ctx, 'trend.acrossVersions', across) : ''}
    ${dataTable({
      caption: t('trend.caption', { group: data.group.label }),
      rowHeaderLabel: t('column.period'),
      columns: [
        { label: t('column.size'), numeric: true },
        { label: t('column.overallMedian'), numeric: true },
      ],
      rows: data.trend.map((p) => ({
        header: String(p.period),
        cells: [
          p.size === null ? hidden : String(p.size),
          p.median === null ? hidden : formatScore(ctx, p.median),
        ],
      })),
    })}
  </section>`;
}

function basis(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const o = data.organisation;
  const date = data.scan.submittedAt ? formatDate(ctx.locale, data.scan.submittedAt) : '—';
  const notSharing =
    data.mode === 'not-shared'
      ? alert(
          'warning',
          html`<p class="utrecht-paragraph">${t('notSharing', { organisation: o.displayName })}</p>`,
        )
      : '';
  return html`<p class="utrecht-paragraph">
      ${t('basis', { title: data.scan.title, period: data.scan.period, date })}
    </p>
    ${notSharing}
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/o/${o.code}/sharing">${t('sharing.link')}</a>
    </p>`;
}

/** Drawn pages kept per snapshot; past this many the snapshot's set starts afresh (memory stays bounded). */
const maxDrawnPerSnapshot = 500;
const drawn = new WeakMap<BenchmarkSnapshot, Map<string, SafeHtml>>();

/**
 * The page's content is a function of its data, the viewer's role and the language only (no user, no form token), and its
 * data of the snapshot: so it is drawn once per snapshot and organisation, scan, group and language.
 * A new snapshot (any write that changes the figures) draws it again.
 */
function contentOf(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const o = data.organisation;
  const key = [o.id, o.displayName, o.role, data.scan.id, data.group.id, ctx.locale].join('|');
  let perSnapshot = drawn.get(data.snapshot);
  if (!perSnapshot || perSnapshot.size >= maxDrawnPerSnapshot) {
    perSnapshot = new Map();
    drawn.set(data.snapshot, perSnapshot);
  }
  let content = perSnapshot.get(key);
  if (!content) {
    content = drawContent(ctx, data);
    perSnapshot.set(key, content);
  }
  return content;
}

function drawContent(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const o = data.organisation;
  return html`<h1 class="utrecht-heading-1">${t('title')}</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">
      ${t('intro', { organisation: o.displayName, minimum: minimumGroupSize })}
    </p>
    ${basis(ctx, data)} ${choiceForm(ctx, data)} ${figuresSection(ctx, data)} ${trendSection(ctx, data)}
    ${learnSection(ctx, data)}`;
}

export function benchmarkPage(ctx: PageContext, data: BenchmarkData): string {
  const o = data.organisation;
  return renderPage(ctx, {
    title: `${benchmarkMessage.for(ctx.locale)('title')} · ${o.displayName}`,
    nav: 'dashboard',
    breadcrumbs: crumbs(o),
    main: contentOf(ctx, data),
  });
}

export function noScanPage(ctx: PageContext, organisation: OrganisationScope): string {
  const t = benchmarkMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: `${t('title')} · ${organisation.displayName}`,
    nav: 'dashboard',
    breadcrumbs: crumbs(organisation),
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      <p class="utrecht-paragraph">${t('empty', { organisation: organisation.displayName })}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/o/${organisation.code}/scans">${t('empty.link')}</a>
      </p>`,
  });
}
