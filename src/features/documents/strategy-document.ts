import { formatDate, formatInteger, type Translate, formatEuros } from '../../core/i18n/i18n.ts';
import { documentsMessage, type DocumentsMessageKey } from './documents.messages.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { Results, TaskMaturity } from '../scan/index.ts';
import { taskMaturityDocumentSection } from './task-maturity-document.ts';
import type { ActionStatus, Quarter, Strategy, StrategyAction } from '../strategy/index.ts';
import { markdownBlocks } from './document-markdown.ts';
import { roadmapSection, type RoadmapPrint } from './strategy-document-roadmap.ts';
import type { DocumentBlock, DocumentLocale, DocumentModel, DocumentSection } from './document.model.ts';
import {
  benchmarkSection,
  methodBlocks,
  pageLabel,
  scanResultsBlocks,
  scoreText,
  type BenchmarkPosition,
  type ScanFacts,
} from './scan-document.ts';

/**
 * The strategy document for the college and the council. Everything here is already loaded and
 * localised by the caller; this only decides what goes where, so the DOCX and the PDF say the same.
 */
export interface StrategyDocumentData {
  locale: DocumentLocale;
  organisationName: string;
  strategy: Strategy;
  framework: Framework;
  /** The latest submitted scan, if any. */
  scan: { facts: ScanFacts; results: Results; framework: Framework; tasks?: TaskMaturity[] } | undefined;
  benchmark: BenchmarkPosition | undefined;
  /** The roadmap's pages for print; undefined when the strategy has no actions. */
  roadmap: RoadmapPrint | undefined;
  /** Register facts on the preconditions (empty when the registers are not available). */
  registryFacts: { heading: string; facts: string[] }[];
  version: number;
  createdAt: Date;
}

type T = Translate<DocumentsMessageKey>;

const quarterText = (t: T, q: Quarter) => t('quarter', { quarter: q.quarter, year: q.year });
const sumBudget = (actions: StrategyAction[]) => actions.reduce((sum, a) => sum + (a.budgetCents ?? 0), 0);

function taskTitle(framework: Framework, locale: DocumentLocale, id: string): string {
  const task = framework.societalTasks.find((s) => s.id === id);
  return task ? localise(task.title, locale) : id;
}

function summary(data: StrategyDocumentData, t: T): DocumentSection {
  const { strategy, locale } = data;
  const counts = new Map<ActionStatus, number>();
  for (const a of strategy.actions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const statusList = [...counts]
    .map(([status, n]) => `${t(`actionStatus.${status}`).toLowerCase()} ${n}`)
    .join(', ');
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: t('summary.text', {
        organisation: data.organisationName,
        start: strategy.startYear,
        end: strategy.endYear,
        actions: formatInteger(locale, strategy.actions.length),
        tasks: formatInteger(locale, strategy.tasks.length),
        budget: formatEuros(locale, sumBudget(strategy.actions)),
      }),
    },
  ];
  if (statusList) blocks.push({ kind: 'paragraph', text: t('summary.status', { list: statusList }) });
  blocks.push({
    kind: 'paragraph',
    text: data.scan
      ? t('summary.scan', {
          scan: `${data.scan.facts.title}, ${data.scan.facts.period}`,
          score: scoreText(locale, data.scan.results.overall.score),
        })
      : t('summary.noScan'),
  });
  return { heading: t('summary.heading'), blocks };
}

function vision(data: StrategyDocumentData, t: T): DocumentSection {
  const blocks = markdownBlocks(data.strategy.vision);
  return {
    heading: t('vision.heading'),
    blocks: blocks.length ? blocks : [{ kind: 'paragraph', text: t('vision.empty') }],
  };
}

function tasks(data: StrategyDocumentData, t: T): DocumentSection {
  const { strategy, framework, locale } = data;
  if (strategy.tasks.length === 0)
    return { heading: t('tasks.heading'), blocks: [{ kind: 'paragraph', text: t('tasks.empty') }] };
  return {
    heading: t('tasks.heading'),
    blocks: [
      {
        kind: 'table',
        caption: t('tasks.caption'),
        hasRowHeaders: true,
        columns: [{ label: t('col.task') }, { label: t('col.ambition') }],
        rows: strategy.tasks.map((task) => [taskTitle(framework, locale, task.taskId), task.ambition]),
      },
    ],
  };
}

function roadmap(data: StrategyDocumentData, t: T): DocumentSection {
  if (!data.roadmap || data.strategy.actions.length === 0)
    return { heading: t('roadmap.heading'), blocks: [{ kind: 'paragraph', text: t('roadmap.empty') }] };
  return roadmapSection(data.roadmap, t('roadmap.heading'));
}

function actionRow(data: StrategyDocumentData, t: T, a: StrategyAction): string[] {
  const { locale, framework } = data;
  const budget =
    a.budgetCents === null
      ? ''
      : `${formatEuros(locale, a.budgetCents)}${a.budgetKind ? ` (${t(`budget.${a.budgetKind}`)})` : ''}`;
  return [
    a.title,
    a.taskIds.map((id) => taskTitle(framework, locale, id)).join(', '),
    a.departments.join(', '),
    `${quarterText(t, a.start)} – ${quarterText(t, a.end)}`,
    budget,
    t(`actionStatus.${a.status}`),
  ];
}

function actions(data: StrategyDocumentData, t: T): DocumentSection {
  const { framework, locale, strategy } = data;
  const blocks = framework.pillars.flatMap((pillar): DocumentBlock[] => {
    const title = `${pillar.number}. ${localise(pillar.title, locale)}`;
    const own = strategy.actions.filter((a) => a.pillar === pillar.id);
    if (own.length === 0)
      return [
        { kind: 'heading', level: 2, text: title },
        { kind: 'paragraph', text: t('actions.empty') },
      ];
    return [
      { kind: 'heading', level: 2, text: title },
      {
        kind: 'table',
        caption: t('actions.caption', { pillar: localise(pillar.title, locale) }),
        hasRowHeaders: true,
        columns: [
          { label: t('col.action') },
          { label: t('col.tasks') },
          { label: t('col.owner') },
          { label: t('col.period') },
          { label: t('col.budget'), isNumeric: true },
          { label: t('col.status') },
        ],
        rows: own.map((a) => actionRow(data, t, a)),
      },
      { kind: 'paragraph', text: t('actions.total', { budget: formatEuros(locale, sumBudget(own)) }) },
    ];
  });
  return { heading: t('actions.heading'), startsOnNewPage: true, blocks };
}

function preconditions(data: StrategyDocumentData, t: T): DocumentSection {
  const { framework, locale, strategy, scan } = data;
  const themes = framework.themes.filter((th) => th.pillar === 'preconditions');
  const score = (id: string) => scan?.results.themes.find((s) => s.key === id);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: t('preconditions.intro') },
    {
      kind: 'table',
      caption: t('preconditions.caption'),
      hasRowHeaders: true,
      columns: [
        { label: t('col.theme') },
        { label: t('col.current'), isNumeric: true },
        { label: t('col.target'), isNumeric: true },
        { label: t('col.actions'), isNumeric: true },
      ],
      rows: themes.map((th) => [
        localise(th.title, locale),
        scoreText(locale, score(th.id)?.score ?? null),
        scoreText(locale, score(th.id)?.target ?? null),
        formatInteger(locale, strategy.actions.filter((a) => a.themeId === th.id).length),
      ]),
    },
  ];
  if (data.registryFacts.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('preconditions.registers') });
    for (const registry of data.registryFacts)
      blocks.push(
        { kind: 'heading', level: 3, text: registry.heading },
        { kind: 'list', items: registry.facts },
      );
  }
  return { heading: t('preconditions.heading'), blocks };
}

function method(data: StrategyDocumentData, t: T): DocumentSection {
  const { locale, strategy } = data;
  const facts: DocumentBlock = {
    kind: 'facts',
    items: [
      { label: t('method.strategyVersion'), value: String(strategy.versionNumber) },
      { label: t('method.exported'), value: formatDate(locale, data.createdAt) },
    ],
  };
  const scanBlocks: DocumentBlock[] = data.scan
    ? methodBlocks(locale, data.scan.framework, data.scan.facts)
    : [
        { kind: 'facts', items: [{ label: t('method.framework'), value: strategy.frameworkVersion }] },
        { kind: 'paragraph', text: t('method.noScan') },
      ];
  return {
    heading: t('method.heading'),
    startsOnNewPage: true,
    blocks: [facts, ...scanBlocks, { kind: 'paragraph', text: t('method.amounts') }],
  };
}

function scanSection(data: StrategyDocumentData, t: T): DocumentSection {
  if (!data.scan)
    return { heading: t('results.heading'), blocks: [{ kind: 'paragraph', text: t('summary.noScan') }] };
  return {
    heading: t('results.heading'),
    startsOnNewPage: true,
    blocks: scanResultsBlocks(data.locale, data.scan.framework, data.scan.results, data.scan.facts),
  };
}

export function strategyDocument(data: StrategyDocumentData): DocumentModel {
  const { locale, strategy } = data;
  const t = documentsMessage.for(locale);
  return {
    locale,
    title: strategy.title,
    subject: t('strategy.subject', { organisation: data.organisationName }),
    organisation: data.organisationName,
    titlePage: {
      subtitle: t('strategy.subtitle', { start: strategy.startYear, end: strategy.endYear }),
      facts: [
        { label: t('fact.period'), value: `${strategy.startYear}–${strategy.endYear}` },
        { label: t('fact.date'), value: formatDate(locale, data.createdAt) },
        { label: t('fact.version'), value: String(data.version) },
      ],
    },
    pageLabel: pageLabel(locale),
    versionLabel: t('footer.version', { version: data.version }),
    contentsLabel: t('contents'),
    sections: [
      summary(data, t),
      vision(data, t),
      tasks(data, t),
      scanSection(data, t),
      ...(data.scan?.tasks
        ? [taskMaturityDocumentSection(locale, data.scan.framework, data.scan.tasks, data.scan.facts.period)]
        : []),
      ...(data.benchmark ? [benchmarkSection(locale, data.benchmark)] : []),
      roadmap(data, t),
      actions(data, t),
      preconditions(data, t),
      method(data, t),
    ],
  };
}
