import type { Db } from '../../core/db/database.ts';
import { comparableScoresOf } from '../scan/index.ts';
import type { Contribution } from './benchmark-groups.ts';
import type { GroupStatistic } from './benchmark.queries.ts';

/**
 * Figures over scans on different framework versions (decision 0026, issue #19): every scan scored
 * again on only the questions the mappings carry over, so that no score on an unmapped question
 * enters a figure, and the page says which versions and how many questions were compared.
 */
export interface AcrossVersions {
  /** Oldest first. */
  versions: string[];
  /** Questions compared: those every version has, the same or reworded. */
  questions: number;
}

/** The framework versions of the contributors and the given ones, distinct and sorted. */
export function versionsOf(contributors: readonly Contribution[], also: readonly string[] = []): string[] {
  return [...new Set([...contributors.map((c) => c.frameworkVersion), ...also])].sort();
}

/** percentile_cont as the database computes it (linear between the two nearest), to two decimals. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  const value = low + (high - low) * (position - below);
  return Math.round(value * 100) / 100;
}

/**
 * The group's statistics on the common questions of its versions and the given ones; undefined when
 * all are on one version (then the stored scores count as they are). A figure is given only when
 * every contributor has a score for it: it rests on the whole group the anonymity rule let through.
 */
export async function statisticsAcrossVersions(
  db: Db,
  contributors: readonly Contribution[],
  also: readonly string[] = [],
): Promise<{ statistics: GroupStatistic[]; acrossVersions: AcrossVersions } | undefined> {
  const comparable = await comparableScoresOf(
    db,
    contributors.map((c) => ({ id: c.scanId, frameworkVersion: c.frameworkVersion })),
    also,
  );
  if (!comparable) return undefined;
  const byFigure = new Map<string, { kind: GroupStatistic['kind']; key: string; values: number[] }>();
  for (const s of comparable.scores) {
    const figure = `${s.kind}|${s.key}`;
    const entry = byFigure.get(figure) ?? { kind: s.kind, key: s.key, values: [] };
    if (s.score !== null) entry.values.push(s.score);
    byFigure.set(figure, entry);
  }
  const statistics = [...byFigure.values()]
    .filter((f) => f.values.length === contributors.length && f.values.length > 0)
    .map(({ kind, key, values }) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        kind,
        key,
        count: sorted.length,
        q1: percentile(sorted, 0.25),
        median: percentile(sorted, 0.5),
        q3: percentile(sorted, 0.75),
      };
    });
  return {
    statistics,
    acrossVersions: { versions: comparable.basis.versions, questions: comparable.basis.questionIds.length },
  };
}
