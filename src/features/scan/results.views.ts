import { brigadeScanOffer } from '../intake/index.ts';
import { formatDecimal, type Locale } from '../../core/i18n/i18n.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { alert } from '../../core/render/components.ts';
import { radarChart } from '../../core/render/charts.ts';
import { dataTable } from '../../core/render/data-table.ts';
import { barChart, symmetricExtent } from '../../core/render/bar-chart.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { Framework } from '../framework/index.ts';
import { localise } from '../framework/index.ts';
import { scanDocumentsLink } from './scan-links.ts';
import type { ScanRow } from './scan.queries.ts';
import type { Comparison } from './scan-results.ts';
import type { Results, Score } from './scan-scoring.ts';
import { scanCrumbs } from './scan.views.ts';
import { scanMessage } from './scan.messages.ts';
import type { TaskMaturityData } from './task-maturity.queries.ts';
import { taskMaturitySection } from './task-maturity.views.ts';

export interface ResultsPageData {
  organisation: OrganisationScope;
  scan: ScanRow;
  framework: Framework;
  results: Results;
  previous: Comparison | undefined;
  notice: string | undefined;
  /** Connectivity at level 1–2 in this, the latest submitted scan: the Brigade is offered. */
  offersBrigade?: boolean;
  taskMaturity?: TaskMaturityData;
}

const format = (locale: Locale, n: number | null) => (n === null ? null : formatDecimal(locale, n));

function themeTitle(ctx: PageContext, framework: Framework, id: string): string {
  const theme = framework.themes.find((t) => t.id === id);
  return theme ? localise(theme.title, ctx.locale) : id;
}

function themeSection(ctx: PageContext, data: ResultsPageData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  // Across framework versions the full scores differ in questions: only the change section compares.
  const shown = data.previous?.acrossVersions ? undefined : data.previous;
  const previous = new Map(shown?.results.themes.map((s) => [s.key, s.score]) ?? []);
  const pillarTitle = (id: string) => {
    const p = data.framework.pillars.find((x) => x.id === id);
    return p ? `${p.number}. ${localise(p.title, ctx.locale)}` : id;
  };
  const radar = radarChart({
    title: t('results.radarTitle'),
    description: t('results.radarDescription'),
    axes: data.results.themes.map((s) => ({
      label: themeTitle(ctx, data.framework, s.key),
      value: s.score,
      target: s.target,
      previous: shown ? (previous.get(s.key) ?? null) : undefined,
    })),
    max: 5,
    seriesLabels: {
      value: t('results.current'),
      target: t('results.target'),
      previous: t('results.previous'),
    },
  });
  const table = dataTable({
    caption: t('results.themeCaption'),
    emptyLabel: t('results.noScore'),
    columns: [
      { label: t('results.pillar') },
      { label: t('results.current'), numeric: true },
      { label: t('results.target'), numeric: true },
      { label: t('results.gap'), numeric: true },
      { label: t('results.answered'), numeric: true },
      ...(shown ? [{ label: t('results.previous'), numeric: true }] : []),
    ],
    rows: data.results.themes.map((s) => ({
      header: themeTitle(ctx, data.framework, s.key),
      cells: [
        pillarTitle(s.pillar),
        format(ctx.locale, s.score),
        format(ctx.locale, s.target),
        s.score !== null && s.target !== null
          ? format(ctx.locale, Math.round((s.target - s.score) * 100) / 100)
          : null,
        `${s.answered}/${s.questions}`,
        ...(shown ? [format(ctx.locale, previous.get(s.key) ?? null)] : []),
      ],
    })),
  });
  return html`<section aria-labelledby="themes-heading">
    <h2 class="utrecht-heading-2" id="themes-heading">${t('results.themes')}</h2>
    <div class="rk-chart-frame">${radar}</div>
    ${table}
  </section>`;
}

function pillarSection(ctx: PageContext, data: ResultsPageData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  return html`<section aria-labelledby="pillars-heading">
    <h2 class="utrecht-heading-2" id="pillars-heading">${t('results.pillars')}</h2>
    ${dataTable({
      caption: t('results.pillarCaption'),
      isCaptionHidden: true,
      emptyLabel: t('results.noScore'),
      columns: [
        { label: t('results.current'), numeric: true },
        { label: t('results.target'), numeric: true },
        { label: t('results.answered'), numeric: true },
      ],
      rows: data.results.pillars.map((s) => {
        const pillar = data.framework.pillars.find((p) => p.id === s.key);
        return {
          header: pillar ? `${pillar.number}. ${localise(pillar.title, ctx.locale)}` : s.key,
          cells: [format(ctx.locale, s.score), format(ctx.locale, s.target), `${s.answered}/${s.questions}`],
        };
      }),
    })}
  </section>`;
}

function extremes(ctx: PageContext, data: ResultsPageData): SafeHtml | '' {
  const t = scanMessage.for(ctx.locale);
  const scored = data.results.themes.flatMap((s) => (s.score === null ? [] : [{ ...s, score: s.score }]));
  if (scored.length < 2) return '';
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const count = Math.min(3, Math.floor(sorted.length / 2));
  const item = (s: Score) =>
    html`<li>${themeTitle(ctx, data.framework, s.key)}: ${format(ctx.locale, s.score)}</li>`;
  return html`<div class="rk-columns">
    <section aria-labelledby="strong-heading">
      <h2 class="utrecht-heading-3" id="strong-heading">${t('results.strongest')}</h2>
      <ol class="utrecht-ordered-list">
        ${sorted.slice(0, count).map(item)}
      </ol>
    </section>
    <section aria-labelledby="weak-heading">
      <h2 class="utrecht-heading-3" id="weak-heading">${t('results.weakest')}</h2>
      <ol class="utrecht-ordered-list">
        ${sorted.slice(-count).reverse().map(item)}
      </ol>
    </section>
  </div>`;
}

function changeSection(ctx: PageContext, data: ResultsPageData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const heading = html`<h2 class="utrecht-heading-2" id="change-heading">${t('results.change')}</h2>`;
  if (!data.previous) {
    return html`<section aria-labelledby="change-heading">
      ${heading}
      <p class="utrecht-paragraph">${t('results.noPrevious')}</p>
    </section>`;
  }
  const before = new Map(data.previous.results.themes.map((s) => [s.key, s.score]));
  const across = data.previous.acrossVersions;
  const rows = (data.previous.current ?? data.results).themes.map((s) => {
    const old = before.get(s.key) ?? null;
    const change = s.score !== null && old !== null ? Math.round((s.score - old) * 100) / 100 : null;
    return { key: s.key, label: themeTitle(ctx, data.framework, s.key), old, now: s.score, change };
  });
  const previousLabel = `${data.previous.scan.title} (${data.previous.scan.period})`;
  // Scores run from 1 to 5, so a change is at most 4 either way; the scale fits the largest one.
  const extent = symmetricExtent(
    rows.map((r) => r.change),
    4,
  );
  return html`<section aria-labelledby="change-heading">
    ${heading}
    ${across ? html`<p class="utrecht-paragraph" data-compared-on="${across.questions}">${t('results.acrossVersions', across)}</p>` : ''}
    <div class="rk-chart-frame">
      ${barChart({
        title: t('results.changeTitle', { previous: previousLabel }),
        description: t('results.changeDescription'),
        rows: rows.map((r) => ({ label: r.label, value: r.change })),
        min: -extent,
        max: extent,
        tickStep: extent / 2,
        seriesLabels: { value: t('results.change'), compare: t('results.previous') },
        formatValue: (n) => (n > 0 ? `+${format(ctx.locale, n)}` : (format(ctx.locale, n) ?? '')),
      })}
    </div>
    ${dataTable({
      caption: t('results.changeCaption'),
      emptyLabel: t('results.noScore'),
      columns: [
        { label: t('results.previous'), numeric: true },
        { label: t('results.current'), numeric: true },
        { label: t('results.change'), numeric: true },
      ],
      rows: rows.map((r) => ({
        header: r.label,
        cells: [format(ctx.locale, r.old), format(ctx.locale, r.now), format(ctx.locale, r.change)],
      })),
    })}
  </section>`;
}

export function resultsPage(ctx: PageContext, data: ResultsPageData): string {
  const t = scanMessage.for(ctx.locale);
  const overall = data.results.overall;
  return renderPage(ctx, {
    title: `${t('results.title')} · ${data.scan.title}`,
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, data.organisation, data.scan),
    main: html`<h1 class="utrecht-heading-1">${t('results.title')}: ${data.scan.title}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${data.scan.status === 'draft' ? alert('info', html`<p class="utrecht-paragraph">${t('results.draftNotice')}</p>`) : ''}
      ${data.offersBrigade ? brigadeScanOffer(ctx.locale, data.organisation.code) : ''}
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        ${t('results.overall', {
          score: format(ctx.locale, overall.score) ?? t('results.noScore'),
          answered: overall.answered,
          total: overall.questions,
        })}
      </p>
      ${
        data.scan.status === 'submitted'
          ? html`<p class="utrecht-paragraph">
              <a class="utrecht-link" href="/o/${data.organisation.code}/benchmark?period=${data.scan.period}"
                >${t('results.compare')}</a
              >
            </p>`
          : ''
      }
      <p class="rk-no-print">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" data-print hidden>
          ${t('results.print')}
        </button>
      </p>
      ${scanDocumentsLink(ctx.locale, data.organisation.code, data.scan.id)} ${extremes(ctx, data)}
      ${themeSection(ctx, data)}
      ${data.taskMaturity ? taskMaturitySection(ctx.locale, data.taskMaturity) : ''}
      ${pillarSection(ctx, data)} ${changeSection(ctx, data)}
      <p class="utrecht-paragraph rk-muted">${t('results.method')}</p>`,
  });
}
