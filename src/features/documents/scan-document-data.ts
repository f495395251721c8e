import type { Db } from '../../core/db/database.ts';
import { benchmarkGroupLabel, defaultBenchmarkGroup, figuresOf, groupsOfPeriod } from '../benchmark/index.ts';
import { sharingModeOf } from '../sharing/index.ts';
import { getFramework, localise, type Framework } from '../framework/index.ts';
import {
  comparableScoresOf,
  findScan,
  respondentCountOf,
  resultsOf,
  taskMaturityFor,
  type Results,
  type ScanRow,
  type TaskMaturity,
} from '../scan/index.ts';
import type { DocumentLocale } from './document.model.ts';
import type { BenchmarkPosition, BenchmarkRow, ScanFacts } from './scan-document.ts';
import { documentsMessage } from './documents.messages.ts';

export interface LoadedScan {
  row: ScanRow;
  facts: ScanFacts;
  framework: Framework;
  results: Results;
  /** Maturity per societal task from this scan's theme scores, advice for the organisation's networks. */
  tasks: TaskMaturity[];
}

/** The scan of the organisation with its results, or undefined (another organisation's id finds nothing). */
export async function loadScan(
  db: Db,
  organisationId: number,
  scanId: number,
): Promise<LoadedScan | undefined> {
  const row = await findScan(db, organisationId, scanId);
  if (!row) return undefined;
  const results = await resultsOf(db, row);
  const themeScores = new Map(results.themes.map((s) => [s.key, s.score]));
  const { tasks } = await taskMaturityFor(db, organisationId, row.frameworkVersion, row.period, themeScores);
  return {
    row,
    framework: getFramework(row.frameworkVersion),
    results,
    tasks,
    facts: {
      title: row.title,
      period: row.period,
      status: row.status,
      frameworkVersion: row.frameworkVersion,
      date: row.submittedAt ?? row.createdAt,
      respondents: await respondentCountOf(db, row.id),
    },
  };
}

/**
 * Where the organisation stands in the benchmark, only when it shares its scores (aggregated or
 * named) and the scan is submitted: the group it belongs to, chosen as the benchmark page does, with
 * the group's figures only as far as the anonymity rule shows them.
 */
export async function benchmarkPositionOf(
  db: Db,
  organisationId: number,
  scan: LoadedScan,
  locale: DocumentLocale,
): Promise<BenchmarkPosition | undefined> {
  if (scan.row.status !== 'submitted') return undefined;
  if ((await sharingModeOf(db, organisationId)).mode === 'not-shared') return undefined;
  const period = scan.row.period;
  // The benchmark's own default, so the document names the group its benchmark page opens with.
  const groupId = await defaultBenchmarkGroup(db, organisationId, period);
  const figures = await figuresOf(db, await groupsOfPeriod(db, period), groupId, [scan.row.frameworkVersion]);
  if (!figures.isShown) return { isShown: false, period };
  const across = figures.acrossVersions;
  const stat = (kind: string, key: string) =>
    figures.statistics.find((s) => s.kind === kind && s.key === key);
  const row = (label: string, kind: string, key: string, ownScore: number | null): BenchmarkRow => {
    const s = stat(kind, key);
    return { label, own: ownScore, median: s?.median ?? null, q1: s?.q1 ?? null, q3: s?.q3 ?? null };
  };
  const t = documentsMessage.for(locale);
  // Across framework versions the own scores too count the mapped questions only (decision 0026).
  const { framework, results } = across ? await comparableResults(db, scan, across.versions) : scan;
  const rows = [
    row(t('overall'), 'overall', 'all', results.overall.score),
    ...results.pillars.map((p) => {
      const pillar = framework.pillars.find((x) => x.id === p.key);
      return row(
        pillar ? `${pillar.number}. ${localise(pillar.title, locale)}` : p.key,
        'pillar',
        p.key,
        p.score,
      );
    }),
    ...results.themes.map((th) => {
      const theme = framework.themes.find((x) => x.id === th.key);
      return row(theme ? localise(theme.title, locale) : th.key, 'theme', th.key, th.score);
    }),
  ];
  return {
    isShown: true,
    groupLabel: await benchmarkGroupLabel(db, groupId, locale),
    size: figures.size,
    period,
    rows,
    ...(across ? { acrossVersions: across } : {}),
  };
}

/** The scan's scores on the mapped questions of these versions, under the newest version's ids. */
async function comparableResults(db: Db, scan: LoadedScan, versions: string[]) {
  const scores = (await comparableScoresOf(db, [scan.row], versions))?.scores ?? [];
  const of = (kind: 'pillar' | 'theme') =>
    scores.filter((s) => s.kind === kind).map((s) => ({ key: s.key, score: s.score }));
  return {
    framework: getFramework(versions.at(-1) ?? scan.row.frameworkVersion),
    results: {
      overall: { score: scores.find((s) => s.kind === 'overall')?.score ?? null },
      pillars: of('pillar'),
      themes: of('theme'),
    },
  };
}
