import { formatDecimal } from '../../core/i18n/i18n.ts';
import type { OpenFigure } from '../benchmark/index.ts';
import { barChart } from '../../core/render/bar-chart.ts';
import { table } from '../../core/render/components.ts';
import { selectField } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { localise, type Pillar } from '../framework/index.ts';
import { caseCategories, dayBudget, intakeMessage } from '../intake/index.ts';
import { choropleth, type MapClass } from './workspace-map.views.ts';
import type { MemberMaturity } from './workspace-maturity.ts';
import type { WorkspaceData } from './workspace.service.ts';
import { workspaceMessage } from './workspace.messages.ts';

/** Four classes of the Blues scale for scores 1–5, a grey for "only in the total", white for none. */
const scoreClasses = [
  { key: '1', low: 1, label: '1 – 2', fill: '#c6dbef' },
  { key: '2', low: 2, label: '2 – 3', fill: '#6baed6' },
  { key: '3', low: 3, label: '3 – 4', fill: '#2171b5' },
  { key: '4', low: 4, label: '4 – 5', fill: '#08306b' },
];

function scoreClass(score: number): string {
  return [...scoreClasses].reverse().find((c) => score >= c.low)?.key ?? '1';
}

function pillarsOf(d: WorkspaceData): Pillar[] {
  return [...d.framework.pillars].sort((a, b) => a.number - b.number);
}

interface TrendRow {
  kind: OpenFigure['kind'];
  key: string;
  label: string;
}

/** Median and spread per row and year, from the benchmark's published figures; "—" where none is. */
function trendTable(
  ctx: PageContext,
  d: WorkspaceData,
  o: { caption: string; rowLabel: string; rows: TrendRow[]; figures: OpenFigure[] },
): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const score = (n: number) => formatDecimal(ctx.locale, n);
  return table({
    caption: o.caption,
    // A figure stays on one line ("2,0 (1,88–2,29)"); on a narrow screen the years scroll sideways.
    className: 'rk-trend',
    columns: [
      { label: o.rowLabel },
      ...d.maturity.periods.map((p) => ({ label: String(p), isNumeric: true })),
    ],
    rows: o.rows.map((r) => ({
      header: r.label,
      cells: d.maturity.periods.map((period) => {
        const f = o.figures.find((x) => x.period === period && x.kind === r.kind && x.key === r.key);
        return f ? t('maturity.cell', { median: score(f.median), q1: score(f.q1), q3: score(f.q3) }) : '—';
      }),
    })),
  });
}

function pillarTrend(ctx: PageContext, d: WorkspaceData): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  return trendTable(ctx, d, {
    caption: t('maturity.trendCaption'),
    rowLabel: t('maturity.pillar'),
    figures: d.maturity.figures,
    rows: [
      ...pillarsOf(d).map((p) => ({
        key: p.id,
        kind: 'pillar' as const,
        label: `${p.number}. ${localise(p.title, ctx.locale)}`,
      })),
      { key: 'all', kind: 'overall', label: t('maturity.overall') },
    ],
  });
}

/** The themes under their pillars, folded away: twenty rows that a coordinator opens when a pillar asks why. */
function themeTrend(ctx: PageContext, d: WorkspaceData): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const rows = pillarsOf(d).flatMap((p) =>
    d.framework.themes
      .filter((theme) => theme.pillar === p.id)
      .map((theme) => ({
        key: theme.id,
        kind: 'theme' as const,
        label: `${p.number}. ${localise(theme.title, ctx.locale)}`,
      })),
  );
  return html`<details class="rk-disclosure">
    <summary>${t('maturity.themeSummary')}</summary>
    ${trendTable(ctx, d, {
      caption: t('maturity.themeCaption'),
      rowLabel: t('maturity.theme'),
      figures: d.maturity.themeFigures,
      rows,
    })}
  </details>`;
}

function pillarMap(ctx: PageContext, d: WorkspaceData, pillar: Pillar, period: number): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const classes: MapClass[] = [
    ...scoreClasses,
    { key: 'aggregate', label: t('maturity.aggregate'), fill: '#d9d9d9' },
    { key: 'none', label: t('maturity.noScore'), fill: '#ffffff' },
  ];
  const valueOf = (m: MemberMaturity): { key: string; label: string } => {
    if (m.kind === 'aggregate') return { key: 'aggregate', label: t('maturity.aggregate') };
    const score = m.kind === 'named' ? m.pillars.get(pillar.id) : undefined;
    if (score === undefined) return { key: 'none', label: t('maturity.noScore') };
    return { key: scoreClass(score), label: formatDecimal(ctx.locale, score) };
  };
  const title = localise(pillar.title, ctx.locale);
  const named = d.maturity.members.filter((m) => m.kind === 'named');
  const aggregated = d.maturity.members.filter((m) => m.kind === 'aggregate').length;
  return html`<h3 class="utrecht-heading-3">
      ${t('maturity.pillarMapTitle', { number: pillar.number, pillar: title, period })}
    </h3>
    ${choropleth({
      id: `maturity-map-${pillar.id}`,
      title: t('maturity.pillarMapTitle', { number: pillar.number, pillar: title, period }),
      description: t('maturity.pillarMapDesc'),
      legendTitle: t('map.legend'),
      classes,
      areas: d.maturity.members.map((m) => {
        const v = valueOf(m);
        return {
          code: m.member.code,
          name: m.member.name,
          href: `/organisations/${m.member.code}`,
          classKey: v.key,
          valueLabel: v.label,
        };
      }),
      areaLabel: (a) => t('map.area', { name: a.name, value: a.valueLabel }),
    })}
    ${table({
      caption: t('maturity.pillarCaption', { number: pillar.number, period }),
      columns: [{ label: t('participation.member') }, { label: t('maturity.score'), isNumeric: true }],
      rows: named.map((m) => ({ header: m.member.name, cells: [valueOf(m).label] })),
    })}
    ${aggregated > 0 ? html`<p class="utrecht-paragraph">${t('maturity.aggregateCount', { count: aggregated })}</p>` : ''}`;
}

function pillarChoice(ctx: PageContext, d: WorkspaceData, chosen: Pillar): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  return html`<form method="get" action="/networks/${d.network.code}#maturity-heading" class="rk-filter-form">
    ${selectField({
      name: 'pillar',
      label: t('maturity.choosePillar'),
      value: chosen.id,
      choices: pillarsOf(d).map((p) => ({
        value: p.id,
        label: `${p.number}. ${localise(p.title, ctx.locale)}`,
      })),
      locale: ctx.locale,
    })}
    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
      ${t('maturity.showPillar')}
    </button>
  </form>`;
}

export function maturitySection(ctx: PageContext, d: WorkspaceData, wanted: string | undefined): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const pillars = pillarsOf(d);
  const chosen = pillars.find((p) => p.id === wanted) ?? pillars[0];
  const latest = d.maturity.latest;
  const withheld = d.maturity.withheld.map(
    (w) => html`<p class="utrecht-paragraph">${t('maturity.withheld', { period: w.period })}</p>`,
  );
  const content =
    latest === null || !chosen
      ? html`<p class="utrecht-paragraph">${t('maturity.none')}</p>`
      : html`${pillarTrend(ctx, d)} ${themeTrend(ctx, d)} ${withheld} ${pillarChoice(ctx, d, chosen)}
        ${pillarMap(ctx, d, chosen, latest)}`;
  const across = d.maturity.acrossVersions;
  const acrossNote = across
    ? html`<p class="utrecht-paragraph" data-across-versions="${across.versions.join(' ')}">
        ${t('maturity.acrossVersions', { versions: across.versions.join(' / '), questions: across.questions })}
      </p>`
    : '';
  return html`<section aria-labelledby="maturity-heading">
    <h2 class="utrecht-heading-2" id="maturity-heading">${t('maturity.title')}</h2>
    <p class="utrecht-paragraph">${t('maturity.intro')}</p>
    ${across && latest !== null ? acrossNote : ''} ${content}
  </section>`;
}

function countChart(caption: string, label: string, rows: { label: string; value: number }[]): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<div class="rk-chart-frame">
      ${barChart({
        title: caption,
        description: caption,
        rows,
        max,
        seriesLabels: { value: label, compare: label },
        formatValue: (n) => String(Math.round(n)),
      })}
    </div>
    ${table({
      caption,
      columns: [{ label: '' }, { label, isNumeric: true }],
      rows: rows.map((r) => ({ header: r.label, cells: [r.value] })),
    })}`;
}

export function brigadeSection(ctx: PageContext, d: WorkspaceData): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const it = intakeMessage.for(ctx.locale);
  const { demand } = d;
  const days = (n: number) => formatDecimal(ctx.locale, n);
  const names = new Map(d.members.map((m) => [m.id, m.name]));
  if (demand.totals.questions === 0)
    return html`<section aria-labelledby="brigade-heading">
      <h2 class="utrecht-heading-2" id="brigade-heading">${t('brigade.title')}</h2>
      <p class="utrecht-paragraph">${t('brigade.none')}</p>
    </section>`;
  const quarterLabel = (q: string) => {
    const [year, quarter] = q.split('-');
    return t('brigade.quarterLabel', { year: year ?? '', quarter: quarter ?? '' });
  };
  return html`<section aria-labelledby="brigade-heading">
    <h2 class="utrecht-heading-2" id="brigade-heading">${t('brigade.title')}</h2>
    <p class="utrecht-paragraph">
      ${t('brigade.intro', { count: demand.totals.questions, budget: dayBudget })}
    </p>
    ${countChart(
      t('brigade.categoryCaption'),
      t('brigade.count'),
      caseCategories.map((c) => ({ label: it(`category.${c}`), value: demand.byCategory.get(c) ?? 0 })),
    )}
    ${countChart(
      t('brigade.quarterCaption'),
      t('brigade.count'),
      demand.byQuarter.map(([q, n]) => ({ label: quarterLabel(q), value: n })),
    )}
    ${table({
      caption: t('brigade.memberCaption'),
      columns: [{ label: t('participation.member') }, { label: t('brigade.count'), isNumeric: true }],
      rows: d.members
        .filter((m) => demand.byMember.has(m.id))
        .map((m) => ({ header: m.name, cells: [demand.byMember.get(m.id) ?? 0] })),
    })}
    ${table({
      caption: t('brigade.daysCaption'),
      columns: [
        { label: t('brigade.question') },
        { label: t('participation.member') },
        { label: t('brigade.firm', { budget: dayBudget }), isNumeric: true },
        { label: t('brigade.experts'), isNumeric: true },
      ],
      rows: demand.days.map((q) => ({
        header: d.canOpenCases
          ? html`<a class="utrecht-link" href="/networks/zuid-holland/brigade/${q.caseId}">${q.caseId}</a>`
          : String(q.caseId),
        cells: [
          names.get(q.organisationId) ?? '',
          q.isOverCap
            ? html`${days(q.firmDaysCounted)}
                <span class="rk-muted">(${t('brigade.over', { days: days(q.firmDays) })})</span>`
            : days(q.firmDaysCounted),
          days(q.expertDays),
        ],
      })),
    })}
    <p class="utrecht-paragraph">
      ${t('brigade.totals', { firm: days(demand.totals.firmDaysCounted), experts: days(demand.totals.expertDays) })}
    </p>
  </section>`;
}
