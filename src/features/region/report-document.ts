import { formatCalendarDay, formatDecimal, isoDayInAmsterdam, type Locale } from '../../core/i18n/i18n.ts';
import type { DocumentModel, ReportModel } from '../documents/index.ts';
import type { Framework } from '../framework/index.ts';
import { dayBudget } from '../intake/index.ts';
import { brigadeSection, maturitySection, requestsSection } from './report-document-sections.ts';
import type { RegionReportData } from './report-figures.ts';
import { participationMapSvg } from './report-map.ts';
import { periodLabel } from './report-period.ts';
import { reportMessage } from './report.messages.ts';
import type { MemberParticipation } from './workspace-figures.ts';
import { workspaceMessage } from './workspace.messages.ts';
import { stepFills } from './workspace.views.ts';

type Section = DocumentModel['sections'][number];
type DocumentBlock = Section['blocks'][number];
type Step = 0 | 1 | 2 | 3 | 4 | 5;

/** The summary in words: participation today, the latest year's maturity, the Brigade and the requests. */
function summarySection(d: RegionReportData, locale: Locale): Section {
  const t = reportMessage.for(locale);
  const score = (n: number) => formatDecimal(locale, n);
  const p = d.participation;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: t('summary.members', {
        name: d.network.name,
        count: d.members.length,
        team: p.filter((m) => m.teamSize > 0).length,
        scan: p.filter((m) => m.scan?.status === 'submitted').length,
        strategy: p.filter((m) => m.hasStrategy).length,
        roadmap: p.filter((m) => m.hasSharedRoadmap).length,
      }),
    },
  ];
  const { maturity } = d;
  const latest = Math.max(...maturity.years, ...maturity.withheld.map((w) => w.period));
  const overall = maturity.figures.find((f) => f.period === latest && f.kind === 'overall');
  const maturityText = !Number.isFinite(latest)
    ? t('summary.maturityNone')
    : overall
      ? t('summary.maturity', {
          year: latest,
          median: score(overall.median),
          q1: score(overall.q1),
          q3: score(overall.q3),
        })
      : t('summary.maturityWithheld', { year: latest });
  blocks.push({ kind: 'paragraph', text: maturityText });
  const { totals } = d.demand;
  blocks.push({
    kind: 'paragraph',
    text:
      totals.questions === 0
        ? t('summary.brigadeNone')
        : t('summary.brigade', {
            count: totals.questions,
            firm: score(totals.firmDaysCounted),
            experts: score(totals.expertDays),
            budget: dayBudget,
          }),
  });
  blocks.push({
    kind: 'paragraph',
    text:
      d.requests.total === 0
        ? t('requests.none')
        : t('summary.requests', { total: d.requests.total, handled: d.requests.handled }),
  });
  return { heading: t('summary.title'), blocks };
}

function scanText(w: ReturnType<typeof workspaceMessage.for>, p: MemberParticipation): string {
  if (!p.scan) return w('participation.no');
  const key = p.scan.status === 'submitted' ? 'participation.submitted' : 'participation.draft';
  return w(key, { period: p.scan.period });
}

/** The participation map as a figure with alt text, and the table per member. */
function participationSection(d: RegionReportData, locale: Locale): Section {
  const w = workspaceMessage.for(locale);
  const t = reportMessage.for(locale);
  const yesNo = (b: boolean) => w(b ? 'participation.yes' : 'participation.no');
  const stepLabel = (step: number) => w(`step.${step as Step}`);
  const classes = stepFills.map((fill, step) => ({ key: String(step), label: stepLabel(step), fill }));
  const counts = classes
    .map((c) => ({ label: c.label, count: d.participation.filter((p) => String(p.step) === c.key).length }))
    .filter((c) => c.count > 0)
    .map((c) => t('participation.stepCount', { step: c.label, count: c.count }))
    .join(', ');
  const blocks: DocumentBlock[] = [{ kind: 'paragraph', text: t('participation.note') }];
  if (d.members.length > 0)
    blocks.push({
      kind: 'image',
      svg: participationMapSvg(
        d.participation.map((p) => ({ code: p.member.code, classKey: String(p.step) })),
        classes,
      ),
      pixelWidth: 1600,
      alt: t('participation.mapAlt', { count: d.members.length, name: d.network.name, counts }),
      caption: w('participation.mapTitle'),
      widthCm: 12,
      maxHeightCm: 12,
    });
  blocks.push({
    kind: 'table',
    caption: w('participation.caption'),
    hasRowHeaders: true,
    columns: [
      { label: w('participation.member') },
      { label: w('participation.team') },
      { label: w('participation.scan') },
      { label: w('participation.strategy') },
      { label: w('participation.roadmap') },
    ],
    rows: d.participation.map((p) => [
      p.member.name,
      p.teamSize > 0 ? w('participation.teamCount', { count: p.teamSize }) : w('participation.no'),
      scanText(w, p),
      yesNo(p.hasStrategy),
      yesNo(p.hasSharedRoadmap),
    ]),
  });
  return { heading: w('participation.title'), blocks };
}

/**
 * The region report as the documents' model: rendered by the same DOCX, PDF and ODT renderers as
 * the council documents, so it has their title page, contents, tagged tables and figures with alt text.
 */
export function regionReportDocument(d: RegionReportData, locale: Locale, framework: Framework): ReportModel {
  const t = reportMessage.for(locale);
  const period = periodLabel(locale, d.period);
  return {
    locale,
    title: t('doc.title', { name: d.network.name }),
    subject: t('doc.subject', { period }),
    organisation: d.network.name,
    titlePage: {
      subtitle: t('doc.subtitle', { period }),
      facts: [
        { label: t('doc.period'), value: period },
        { label: t('doc.date'), value: formatCalendarDay(locale, isoDayInAmsterdam(d.now)) },
        { label: t('doc.members'), value: String(d.members.length) },
      ],
    },
    sections: [
      summarySection(d, locale),
      participationSection(d, locale),
      maturitySection(d, locale, framework),
      brigadeSection(d, locale),
      requestsSection(d, locale),
    ],
    pageLabel: { page: t('doc.page'), of: t('doc.of') },
    versionLabel: period,
    contentsLabel: t('doc.contents'),
  };
}
