import { formatDate, formatDecimal, formatInteger, type Translate } from '../../core/i18n/i18n.ts';
import { radarChart } from '../../core/render/charts.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { Results, Score, TaskMaturity } from '../scan/index.ts';
import { taskMaturityDocumentSection } from './task-maturity-document.ts';
import type { DocumentBlock, DocumentLocale, DocumentModel, DocumentSection } from './document.model.ts';
import { documentsMessage, type DocumentsMessageKey } from './documents.messages.ts';

/**
 * The scan's results as document parts: used on their own (the scan-results document for a
 * management meeting) and inside the strategy document, so that both say the same thing.
 */
export interface ScanFacts {
  title: string;
  period: number;
  status: 'draft' | 'submitted';
  frameworkVersion: string;
  /** Submission date, or the start date of a draft. */
  date: Date;
  respondents: number;
}

export interface BenchmarkRow {
  label: string;
  own: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export type BenchmarkPosition =
  | {
      isShown: true;
      groupLabel: string;
      size: number;
      period: number;
      rows: BenchmarkRow[];
      /** Set when the group's scans span framework versions: mapped questions only, on both sides. */
      acrossVersions?: { versions: string[]; questions: number };
    }
  | { isShown: false; period: number };

export interface ScanDocumentData {
  locale: DocumentLocale;
  organisationName: string;
  scan: ScanFacts;
  framework: Framework;
  results: Results;
  /** Maturity per societal task; absent in documents made before it existed (samples, fixtures). */
  tasks?: TaskMaturity[];
  /** Undefined when the organisation does not share (or the scan is a draft): then nothing is said. */
  benchmark: BenchmarkPosition | undefined;
  version: number;
  createdAt: Date;
}

/** 14 cm on paper at about 220 dpi. */
const RADAR_WIDTH_PX = 1200;

export function scoreText(locale: DocumentLocale, n: number | null): string {
  return n === null ? documentsMessage(locale, 'noScore') : formatDecimal(locale, n);
}

function scoreRow(locale: DocumentLocale, label: string, s: Score): string[] {
  const gap = s.score !== null && s.target !== null ? Math.round((s.target - s.score) * 100) / 100 : null;
  return [
    label,
    scoreText(locale, s.score),
    scoreText(locale, s.target),
    gap === null ? '' : formatDecimal(locale, gap),
    `${s.answered}/${s.questions}`,
  ];
}

function scoreColumns(t: Translate<DocumentsMessageKey>, first: string) {
  return [
    { label: first },
    { label: t('col.current'), isNumeric: true },
    { label: t('col.target'), isNumeric: true },
    { label: t('col.gap'), isNumeric: true },
    { label: t('col.answered'), isNumeric: true },
  ];
}

/** Radar chart of the themes, drawn by the same code as the results page. */
export function radarSvg(locale: DocumentLocale, framework: Framework, results: Results): string {
  const t = documentsMessage.for(locale);
  const svg = radarChart({
    title: t('results.radarTitle'),
    description: t('results.radarAlt'),
    axes: results.themes.map((s) => ({
      label: localise(
        framework.themes.find((th) => th.id === s.key)?.title ?? { nl: s.key, en: s.key },
        locale,
      ),
      value: s.score,
      target: s.target,
    })),
    max: 5,
    seriesLabels: { value: t('col.current'), target: t('col.target'), previous: '' },
  });
  return String(svg);
}

/** Overall score, radar chart, a table of the pillars and one of each pillar's themes. */
export function scanResultsBlocks(
  locale: DocumentLocale,
  framework: Framework,
  results: Results,
  scan: ScanFacts,
): DocumentBlock[] {
  const t = documentsMessage.for(locale);
  const pillarTitle = (id: string) => {
    const p = framework.pillars.find((x) => x.id === id);
    return p ? `${p.number}. ${localise(p.title, locale)}` : id;
  };
  const overall = results.overall;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: t('results.overall', {
        score: scoreText(locale, overall.score),
        answered: overall.answered,
        total: overall.questions,
      }),
    },
  ];
  if (scan.status === 'draft')
    blocks.push({ kind: 'paragraph', text: t('results.draft'), isEmphasised: true });
  blocks.push(
    {
      kind: 'image',
      svg: radarSvg(locale, framework, results),
      pixelWidth: RADAR_WIDTH_PX,
      alt: t('results.radarAlt'),
      caption: t('results.radarCaption'),
      widthCm: 14,
    },
    {
      kind: 'table',
      caption: t('results.pillarCaption'),
      hasRowHeaders: true,
      columns: scoreColumns(t, t('col.pillar')),
      rows: [
        ...results.pillars.map((s) => scoreRow(locale, pillarTitle(s.key), s)),
        scoreRow(locale, t('overall'), overall),
      ],
    },
  );
  for (const pillar of framework.pillars) {
    const themes = results.themes.filter((s) => s.pillar === pillar.id);
    if (themes.length === 0) continue;
    blocks.push(
      { kind: 'heading', level: 2, text: pillarTitle(pillar.id) },
      {
        kind: 'table',
        caption: t('results.themeCaption', { pillar: localise(pillar.title, locale) }),
        hasRowHeaders: true,
        columns: scoreColumns(t, t('col.theme')),
        rows: themes.map((s) =>
          scoreRow(
            locale,
            localise(
              framework.themes.find((th) => th.id === s.key)?.title ?? { nl: s.key, en: s.key },
              locale,
            ),
            s,
          ),
        ),
      },
    );
  }
  return blocks;
}

export function benchmarkSection(locale: DocumentLocale, position: BenchmarkPosition): DocumentSection {
  const t = documentsMessage.for(locale);
  if (!position.isShown) {
    return {
      heading: t('benchmark.heading'),
      blocks: [{ kind: 'paragraph', text: t('benchmark.withheld', { period: position.period }) }],
    };
  }
  const score = (n: number | null) => scoreText(locale, n);
  const middle = (r: BenchmarkRow) =>
    r.q1 === null || r.q3 === null ? '' : `${score(r.q1)} – ${score(r.q3)}`;
  return {
    heading: t('benchmark.heading'),
    blocks: [
      {
        kind: 'paragraph',
        text: t('benchmark.intro', {
          group: position.groupLabel,
          size: formatInteger(locale, position.size),
          period: position.period,
        }),
      },
      ...(position.acrossVersions
        ? [
            {
              kind: 'paragraph' as const,
              text: t('benchmark.acrossVersions', {
                versions: position.acrossVersions.versions.join(' / '),
                questions: formatInteger(locale, position.acrossVersions.questions),
              }),
            },
          ]
        : []),
      {
        kind: 'table',
        caption: t('benchmark.caption', { group: position.groupLabel }),
        hasRowHeaders: true,
        columns: [
          { label: t('col.theme') },
          { label: t('col.own'), isNumeric: true },
          { label: t('col.median'), isNumeric: true },
          { label: t('col.middle'), isNumeric: true },
        ],
        rows: position.rows.map((r) => [r.label, score(r.own), score(r.median), middle(r)]),
      },
    ],
  };
}

/** The method appendix: framework version, scan date, respondents, how scores are counted. */
export function methodBlocks(locale: DocumentLocale, framework: Framework, scan: ScanFacts): DocumentBlock[] {
  const t = documentsMessage.for(locale);
  return [
    {
      kind: 'facts',
      items: [
        { label: t('method.framework'), value: scan.frameworkVersion },
        { label: t('fact.scan'), value: `${scan.title} (${scan.period})` },
        { label: t('method.scanDate'), value: formatDate(locale, scan.date) },
        { label: t('fact.status'), value: t(scan.status === 'draft' ? 'status.draft' : 'status.submitted') },
        { label: t('method.respondents'), value: formatInteger(locale, scan.respondents) },
      ],
    },
    { kind: 'paragraph', text: t('method.scale') },
    {
      kind: 'list',
      items: framework.levels.map(
        (l) => `${l.level} ${localise(l.label, locale)}: ${localise(l.description, locale)}`,
      ),
    },
    { kind: 'paragraph', text: t('method.counting') },
    { kind: 'paragraph', text: t('method.source') },
  ];
}

export function pageLabel(locale: DocumentLocale) {
  const t = documentsMessage.for(locale);
  return { page: t('page.label'), of: t('page.of') };
}

/** The scan-results document for a management meeting. */
export function scanResultsDocument(data: ScanDocumentData): DocumentModel {
  const { locale } = data;
  const t = documentsMessage.for(locale);
  return {
    locale,
    title: t('scan.title', { period: data.scan.period }),
    subject: t('scan.subject', { organisation: data.organisationName }),
    organisation: data.organisationName,
    titlePage: {
      subtitle: data.scan.title,
      facts: [
        { label: t('fact.year'), value: String(data.scan.period) },
        { label: t('fact.date'), value: formatDate(locale, data.createdAt) },
        { label: t('fact.version'), value: String(data.version) },
      ],
    },
    pageLabel: pageLabel(locale),
    versionLabel: t('footer.version', { version: data.version }),
    contentsLabel: t('contents'),
    sections: [
      {
        heading: t('results.heading'),
        blocks: scanResultsBlocks(locale, data.framework, data.results, data.scan),
      },
      ...(data.tasks
        ? [taskMaturityDocumentSection(locale, data.framework, data.tasks, data.scan.period)]
        : []),
      ...(data.benchmark ? [benchmarkSection(locale, data.benchmark)] : []),
      {
        heading: t('method.heading'),
        startsOnNewPage: true,
        blocks: methodBlocks(locale, data.framework, data.scan),
      },
    ],
  };
}
