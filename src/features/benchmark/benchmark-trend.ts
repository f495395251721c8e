import type { Db } from '../../core/db/database.ts';
import {
  benchmarkSnapshot,
  figuresOf,
  groupsIn,
  type BenchmarkSnapshot,
  type GroupFigures,
} from './benchmark.service.ts';
import { versionsOf, type AcrossVersions } from './benchmark-versions.ts';

/** The group's median overall score per period, where shown. */
export async function trendOf(db: Db, groupId: string) {
  return trendIn(await benchmarkSnapshot(db), groupId);
}

export interface TrendPoint {
  period: number;
  size: number | null;
  median: number | null;
  /** Set when the trend spans framework versions: every point counts mapped questions only. */
  acrossVersions?: AcrossVersions;
}

/**
 * Up to ten periods, oldest first. When their scans (and `compareWith`) span framework versions,
 * every period's median is taken on the same mapped questions, so the line compares like with like.
 */
export async function trendIn(snapshot: BenchmarkSnapshot, groupId: string, compareWith: string[] = []) {
  const periods = (await snapshot.periods).slice(0, 10).reverse();
  const groups = await Promise.all(periods.map((period) => groupsIn(snapshot, period)));
  const contributors = groups.flatMap((g) => g.groups.find((x) => x.id === groupId)?.contributors ?? []);
  const versions = versionsOf(contributors, compareWith);
  const trend: TrendPoint[] = [];
  for (const periodGroups of groups) {
    const figures = await figuresOf(snapshot.db, periodGroups, groupId, versions);
    const overall = figures.isShown ? figures.statistics.find((s) => s.kind === 'overall') : undefined;
    trend.push({
      period: periodGroups.period,
      size: figures.isShown ? figures.size : null,
      median: overall?.median ?? null,
      ...(versions.length > 1 ? { acrossVersions: acrossOf(figures) } : {}),
    });
  }
  return trend;
}

const acrossOf = (figures: GroupFigures) => (figures.isShown ? figures.acrossVersions : undefined);
