import type { Db } from '../../core/db/database.ts';
import type { Framework } from '../framework/index.ts';
import { comparableQuestions, getFramework } from '../framework/index.ts';
import { storedScores, type ScanRow, type StoredScore } from './scan.queries.ts';
import { computeResults, type Answer, type Results, type Score } from './scan-scoring.ts';
import { effectiveAnswers } from './effective-answers.ts';

/**
 * The stored rows as results, in the framework's order. Undefined when a figure is missing: then
 * the rows are not the complete set a submission writes, and the caller computes instead.
 */
function resultsFromStored(framework: Framework, rows: StoredScore[]): Results | undefined {
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.key}`, r]));
  const scoreOf = (kind: StoredScore['kind'], key: string): Score | undefined => {
    const row = byKey.get(`${kind}:${key}`);
    return (
      row && {
        key,
        score: row.score,
        target: row.target,
        answered: row.answered,
        questions: row.questions,
      }
    );
  };
  const themes = framework.themes.map((t) => {
    const s = scoreOf('theme', t.id);
    return s && { ...s, pillar: t.pillar };
  });
  const pillars = framework.pillars.map((p) => scoreOf('pillar', p.id));
  const overall = scoreOf('overall', 'all');
  if (!overall || themes.some((s) => !s) || pillars.some((s) => !s)) return undefined;
  return {
    themes: themes.filter((s) => s !== undefined),
    pillars: pillars.filter((s) => s !== undefined),
    overall,
  };
}

/**
 * Results of a scan: the scores stored at submission once submitted (what the benchmark and the
 * strategy read too, so every page reports the same figures), a live preview while in draft.
 */
export async function resultsOf(db: Db, scan: ScanRow): Promise<Results> {
  const framework = getFramework(scan.frameworkVersion);
  if (scan.status === 'submitted') {
    const stored = resultsFromStored(framework, await storedScores(db, scan.id));
    if (stored) return stored;
  }
  return computeResults(framework, await effectiveAnswers(db, scan));
}

/**
 * A scan set against an earlier one. On the same framework version every question counts; across
 * versions only the questions the mapping keeps (same or reworded), both scans' scores recomputed
 * on just those, and the page says so. Undefined when the versions have no mapping between them.
 */
export interface Comparison {
  scan: ScanRow;
  results: Results;
  /** This scan's results on the compared questions only, when they are not all of them. */
  current?: Results;
  acrossVersions?: { from: string; to: string; questions: number };
}

export async function comparisonWith(
  db: Db,
  scan: ScanRow,
  before: ScanRow,
): Promise<Comparison | undefined> {
  if (before.frameworkVersion === scan.frameworkVersion)
    return { scan: before, results: await resultsOf(db, before) };
  const framework = getFramework(scan.frameworkVersion);
  const pairs = comparableQuestions(framework, getFramework(before.frameworkVersion));
  if (!pairs) return undefined;
  const [now, then] = await Promise.all([effectiveAnswers(db, scan), effectiveAnswers(db, before)]);
  const onPairs = (answers: ReadonlyMap<string, Answer>, pick: (id: string, earlier: string) => string) =>
    new Map(
      [...pairs].flatMap(([id, earlier]) => {
        const answer = answers.get(pick(id, earlier));
        return answer ? [[id, answer] as const] : [];
      }),
    );
  return {
    scan: before,
    results: computeResults(
      framework,
      onPairs(then, (_, earlier) => earlier),
    ),
    current: computeResults(
      framework,
      onPairs(now, (id) => id),
    ),
    acrossVersions: { from: before.frameworkVersion, to: scan.frameworkVersion, questions: pairs.size },
  };
}
