import type { Locale } from '../../core/i18n/i18n.ts';
import type { WorkbookCell, WorkbookSheet } from '../../core/render/workbook.ts';
import { localise, type Framework } from '../framework/index.ts';
import { caseCategories, dayBudget, intakeMessage } from '../intake/index.ts';
import { pillarsOf, quarterLabel } from './report-document-sections.ts';
import type { RegionReportData } from './report-figures.ts';
import { reportMessage } from './report.messages.ts';
import { workspaceMessage } from './workspace.messages.ts';

const participationColumns = [
  'memberCode',
  'member',
  'teamSize',
  'scanPeriod',
  'scanStatusKey',
  'scanStatus',
  'strategy',
  'roadmap',
  'stepKey',
  'step',
] as const;

/**
 * The report's figures as a workbook, one sheet per table. Labels are in the chosen language; the
 * stable keys (municipality codes, pillar, category and status keys, quarters as "2026-3") sit in
 * columns of their own, so a data tool joins on them whatever the language. Numbers stay numbers.
 * The maturity sheet holds only what the document shows: the benchmark's published group figures
 * and the scores of members that share by name.
 */
export function regionReportSheets(
  d: RegionReportData,
  locale: Locale,
  framework: Framework,
): WorkbookSheet[] {
  const t = reportMessage.for(locale);
  const w = workspaceMessage.for(locale);
  const it = intakeMessage.for(locale);
  const yesNo = (b: boolean) => w(b ? 'participation.yes' : 'participation.no');
  const codeOf = new Map(d.members.map((m) => [m.id, m.code]));
  const nameOf = new Map(d.members.map((m) => [m.id, m.name]));
  const pillars = pillarsOf(framework);
  const pillarTitle = (key: string) => {
    const pillar = pillars.find((p) => p.id === key);
    return pillar ? `${pillar.number}. ${localise(pillar.title, locale)}` : w('maturity.overall');
  };

  const participation: WorkbookCell[][] = [
    participationColumns.map((c) => t(`col.${c}`)),
    ...d.participation.map((p) => [
      p.member.code,
      p.member.name,
      p.teamSize,
      p.scan?.period ?? null,
      p.scan?.status ?? 'none',
      p.scan
        ? w(p.scan.status === 'submitted' ? 'participation.submitted' : 'participation.draft', {
            period: p.scan.period,
          })
        : t('status.none'),
      yesNo(p.hasStrategy),
      yesNo(p.hasSharedRoadmap),
      p.step,
      w(`step.${p.step}`),
    ]),
  ];

  const maturity: WorkbookCell[][] = [
    [
      t('col.year'),
      t('col.kindKey'),
      t('col.pillarKey'),
      t('col.pillar'),
      t('col.median'),
      t('col.q1'),
      t('col.q3'),
      t('col.count'),
      t('col.status'),
    ],
    ...d.maturity.figures.map((f) => [
      f.period,
      f.kind,
      f.key,
      pillarTitle(f.key),
      f.median,
      f.q1,
      f.q3,
      f.count,
      t('status.shown'),
    ]),
    ...d.maturity.withheld.map((x) => [
      x.period,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      t(`status.${x.reason}`),
    ]),
  ];

  const named: WorkbookCell[][] = [
    [
      t('col.year'),
      t('col.memberCode'),
      t('col.member'),
      t('col.pillarKey'),
      t('col.pillar'),
      t('col.score'),
    ],
    ...d.maturity.named.flatMap((m) =>
      pillars.map((p) => [
        m.period,
        m.member.code,
        m.member.name,
        p.id,
        pillarTitle(p.id),
        m.pillars.get(p.id) ?? null,
      ]),
    ),
  ];

  const { demand } = d;
  const categories: WorkbookCell[][] = [
    [t('col.categoryKey'), t('col.category'), t('col.questions')],
    ...caseCategories.map((c) => [c, it(`category.${c}`), demand.byCategory.get(c) ?? 0]),
  ];
  const members: WorkbookCell[][] = [
    [t('col.memberCode'), t('col.member'), t('col.questions')],
    ...d.members
      .filter((m) => demand.byMember.has(m.id))
      .map((m) => [m.code, m.name, demand.byMember.get(m.id) ?? 0]),
  ];
  const quarters: WorkbookCell[][] = [
    [t('col.quarterKey'), t('col.quarter'), t('col.questions')],
    ...demand.byQuarter.map(([q, n]) => [q, quarterLabel(locale, q), n]),
  ];
  const days: WorkbookCell[][] = [
    [
      t('col.caseId'),
      t('col.memberCode'),
      t('col.member'),
      t('col.categoryKey'),
      t('col.category'),
      t('col.firmDays'),
      t('col.firmDaysCounted', { budget: dayBudget }),
      t('col.overCap'),
      t('col.expertDays'),
    ],
    ...demand.days.map((q) => [
      q.caseId,
      codeOf.get(q.organisationId) ?? '',
      nameOf.get(q.organisationId) ?? '',
      q.category,
      it(`category.${q.category}`),
      q.firmDays,
      q.firmDaysCounted,
      yesNo(q.isOverCap),
      q.expertDays,
    ]),
  ];
  const requests: WorkbookCell[][] = [
    [t('col.quarterKey'), t('col.quarter'), t('col.requests')],
    ...d.requests.byQuarter.map(([q, n]) => [q, quarterLabel(locale, q), n]),
  ];

  return [
    { name: t('sheet.participation'), rows: participation },
    { name: t('sheet.maturity'), rows: maturity },
    { name: t('sheet.named'), rows: named },
    { name: t('sheet.categories'), rows: categories },
    { name: t('sheet.members'), rows: members },
    { name: t('sheet.quarters'), rows: quarters },
    { name: t('sheet.days'), rows: days },
    { name: t('sheet.requests'), rows: requests },
  ];
}
