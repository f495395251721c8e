import type { Db } from '../../core/db/database.ts';
import { comparableQuestions, getFramework, listFrameworkVersions } from '../framework/index.ts';
import { effectiveAnswers } from './effective-answers.ts';
import { computeResults, type Answer } from './scan-scoring.ts';
import type { ScanRow } from './scan.queries.ts';

/**
 * Scores of scans on different framework versions, made comparable (decision 0026): each scan
 * scored again on only the questions every compared version's mapping carries over (same or
 * reworded), under the newest version's question, theme and pillar ids. A score on a question the
 * mapping does not carry never counts, on either side.
 */
export interface CommonBasis {
  /** The versions compared, oldest first. */
  versions: string[];
  /** The newest of them: the ids the scores are given under. */
  target: string;
  /** Per version: question id of the target version → that version's question id. */
  pairs: Map<string, Map<string, string>>;
  /** Target question ids that every compared version has (the count the pages state). */
  questionIds: string[];
}

export interface ComparableScore {
  scanId: number;
  kind: 'theme' | 'pillar' | 'overall';
  key: string;
  score: number | null;
}

/** The basis to compare these versions on; undefined when there is only one (nothing to restrict). */
export function commonBasis(versions: Iterable<string>): CommonBasis | undefined {
  const known = listFrameworkVersions();
  const distinct = [...new Set(versions)].sort((a, b) => known.indexOf(a) - known.indexOf(b));
  const target = distinct.at(-1);
  if (distinct.length < 2 || target === undefined) return undefined;
  const targetFramework = getFramework(target);
  const pairs = new Map<string, Map<string, string>>();
  for (const version of distinct) {
    // No mapping between two versions: nothing is comparable, so every score is empty.
    pairs.set(version, comparableQuestions(targetFramework, getFramework(version)) ?? new Map());
  }
  const questionIds = targetFramework.themes
    .flatMap((theme) => theme.questions.map((question) => question.id))
    .filter((id) => [...pairs.values()].every((pair) => pair.has(id)));
  return { versions: distinct, target, pairs, questionIds };
}

/** One scan's scores on the basis, from its answers under its own version's question ids. */
export function scoresOnBasis(
  basis: CommonBasis,
  scanId: number,
  version: string,
  answers: ReadonlyMap<string, Answer>,
): ComparableScore[] {
  const pair = basis.pairs.get(version) ?? new Map<string, string>();
  const onBasis = new Map<string, Answer>();
  for (const id of basis.questionIds) {
    const answer = answers.get(pair.get(id) ?? '');
    if (answer) onBasis.set(id, answer);
  }
  const results = computeResults(getFramework(basis.target), onBasis);
  return [
    { scanId, kind: 'overall', key: 'all', score: results.overall.score },
    ...results.pillars.map((p) => ({ scanId, kind: 'pillar' as const, key: p.key, score: p.score })),
    ...results.themes.map((t) => ({ scanId, kind: 'theme' as const, key: t.key, score: t.score })),
  ];
}

/** The scans' scores on the basis of their versions and any others given; undefined on one version. */
export async function comparableScoresOf(
  db: Db,
  scans: readonly Pick<ScanRow, 'id' | 'frameworkVersion'>[],
  alsoVersions: readonly string[] = [],
): Promise<{ basis: CommonBasis; scores: ComparableScore[] } | undefined> {
  const basis = commonBasis([...scans.map((s) => s.frameworkVersion), ...alsoVersions]);
  if (!basis) return undefined;
  const scores: ComparableScore[] = [];
  for (const scan of scans)
    scores.push(...scoresOnBasis(basis, scan.id, scan.frameworkVersion, await effectiveAnswers(db, scan)));
  return { basis, scores };
}
