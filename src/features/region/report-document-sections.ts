import { formatDecimal, formatQuarterOf, type Locale } from '../../core/i18n/i18n.ts';
import type { DocumentModel } from '../documents/index.ts';
import { localise, type Framework } from '../framework/index.ts';
import { caseCategories, dayBudget, intakeMessage } from '../intake/index.ts';
import type { RegionReportData } from './report-figures.ts';
import { reportMessage } from './report.messages.ts';
import { workspaceMessage } from './workspace.messages.ts';

type Section = DocumentModel['sections'][number];
type DocumentBlock = Section['blocks'][number];

/** "2026-3" → "K3 2026". */
export function quarterLabel(locale: Locale, key: string): string {
  const [year = 0, quarter = 0] = key.split('-').map(Number);
  return formatQuarterOf(locale, { year, quarter });
}

export function pillarsOf(framework: Framework) {
  return [...framework.pillars].sort((a, b) => a.number - b.number);
}

/** The region's median and spread per pillar and year, the withheld years, and the scores shared by name. */
export function maturitySection(d: RegionReportData, locale: Locale, framework: Framework): Section {
  const w = workspaceMessage.for(locale);
  const t = reportMessage.for(locale);
  const score = (n: number) => formatDecimal(locale, n);
  const { maturity } = d;
  const blocks: DocumentBlock[] = [{ kind: 'paragraph', text: w('maturity.intro') }];
  if (maturity.years.length === 0 && maturity.withheld.length === 0)
    blocks.push({ kind: 'paragraph', text: t('summary.maturityNone') });
  const shownYears = [...new Set(maturity.figures.map((f) => f.period))].sort((a, b) => a - b);
  if (shownYears.length > 0) {
    const rows = [
      ...pillarsOf(framework).map((p) => ({
        kind: 'pillar',
        key: p.id,
        label: `${p.number}. ${localise(p.title, locale)}`,
      })),
      { kind: 'overall', key: 'all', label: w('maturity.overall') },
    ];
    blocks.push({
      kind: 'table',
      caption: w('maturity.trendCaption'),
      hasRowHeaders: true,
      columns: [
        { label: w('maturity.pillar') },
        ...shownYears.map((y) => ({ label: String(y), isNumeric: true })),
      ],
      rows: rows.map((r) => [
        r.label,
        ...shownYears.map((year) => {
          const f = maturity.figures.find((x) => x.period === year && x.kind === r.kind && x.key === r.key);
          return f ? w('maturity.cell', { median: score(f.median), q1: score(f.q1), q3: score(f.q3) }) : '—';
        }),
      ]),
    });
  }
  for (const withheld of maturity.withheld)
    blocks.push({ kind: 'paragraph', text: w('maturity.withheld', { period: withheld.period }) });
  const first = maturity.named[0];
  if (first) {
    const pillars = pillarsOf(framework);
    blocks.push({
      kind: 'table',
      caption: t('maturity.namedCaption', { period: first.period }),
      hasRowHeaders: true,
      columns: [
        { label: w('participation.member') },
        ...pillars.map((p) => ({ label: `${p.number}. ${localise(p.title, locale)}`, isNumeric: true })),
      ],
      rows: maturity.named.map((m) => [
        m.member.name,
        ...pillars.map((p) => {
          const s = m.pillars.get(p.id);
          return s === undefined ? '—' : score(s);
        }),
      ]),
    });
  } else if (maturity.years.length > 0) blocks.push({ kind: 'paragraph', text: t('maturity.noNamed') });
  if (maturity.aggregateCount > 0)
    blocks.push({
      kind: 'paragraph',
      text: w('maturity.aggregateCount', { count: maturity.aggregateCount }),
    });
  return { heading: w('maturity.title'), blocks };
}

/** Questions per subject, municipality and quarter; the days by the firm (capped) and by the experts. */
export function brigadeSection(d: RegionReportData, locale: Locale): Section {
  const w = workspaceMessage.for(locale);
  const t = reportMessage.for(locale);
  const it = intakeMessage.for(locale);
  const days = (n: number) => formatDecimal(locale, n);
  const { demand } = d;
  if (demand.totals.questions === 0)
    return { heading: w('brigade.title'), blocks: [{ kind: 'paragraph', text: t('summary.brigadeNone') }] };
  const names = new Map(d.members.map((m) => [m.id, m.name]));
  const countTable = (caption: string, first: string, rows: [string, number][]): DocumentBlock => ({
    kind: 'table',
    caption,
    hasRowHeaders: true,
    columns: [{ label: first }, { label: w('brigade.count'), isNumeric: true }],
    rows: rows.map(([label, n]) => [label, String(n)]),
  });
  return {
    heading: w('brigade.title'),
    startsOnNewPage: true,
    blocks: [
      { kind: 'paragraph', text: w('brigade.intro', { count: demand.totals.questions, budget: dayBudget }) },
      countTable(
        w('brigade.categoryCaption'),
        w('brigade.category'),
        caseCategories.map((c) => [it(`category.${c}`), demand.byCategory.get(c) ?? 0]),
      ),
      countTable(
        w('brigade.memberCaption'),
        w('participation.member'),
        d.members
          .filter((m) => demand.byMember.has(m.id))
          .map((m) => [m.name, demand.byMember.get(m.id) ?? 0]),
      ),
      countTable(
        w('brigade.quarterCaption'),
        w('brigade.quarter'),
        demand.byQuarter.map(([q, n]) => [quarterLabel(locale, q), n]),
      ),
      {
        kind: 'table',
        caption: w('brigade.daysCaption'),
        hasRowHeaders: true,
        columns: [
          { label: w('brigade.question') },
          { label: w('participation.member') },
          { label: w('brigade.firm', { budget: dayBudget }), isNumeric: true },
          { label: w('brigade.experts'), isNumeric: true },
        ],
        rows: demand.days.map((q) => [
          String(q.caseId),
          names.get(q.organisationId) ?? '',
          q.isOverCap
            ? `${days(q.firmDaysCounted)} (${w('brigade.over', { days: days(q.firmDays) })})`
            : days(q.firmDaysCounted),
          days(q.expertDays),
        ]),
      },
      {
        kind: 'paragraph',
        text: w('brigade.totals', {
          firm: days(demand.totals.firmDaysCounted),
          experts: days(demand.totals.expertDays),
        }),
      },
    ],
  };
}

/** The handreiking requests of the period per quarter: counts only, no names. */
export function requestsSection(d: RegionReportData, locale: Locale): Section {
  const t = reportMessage.for(locale);
  const { requests } = d;
  const blocks: DocumentBlock[] = [{ kind: 'paragraph', text: t('requests.intro') }];
  if (requests.total === 0) blocks.push({ kind: 'paragraph', text: t('requests.none') });
  else
    blocks.push(
      {
        kind: 'table',
        caption: t('requests.caption'),
        hasRowHeaders: true,
        columns: [{ label: t('col.quarter') }, { label: t('requests.count'), isNumeric: true }],
        rows: requests.byQuarter.map(([q, n]) => [quarterLabel(locale, q), String(n)]),
      },
      {
        kind: 'paragraph',
        text: t('summary.requests', { total: requests.total, handled: requests.handled }),
      },
    );
  return { heading: t('requests.title'), blocks };
}
