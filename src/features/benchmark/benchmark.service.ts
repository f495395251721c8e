import type { Db } from '../../core/db/database.ts';
import { decideGroups, type Decision } from './benchmark.anonymity.ts';
import { peerGroups, type Contribution, type PeerGroup } from './benchmark.groups.ts';
import {
  contributionsOf,
  groupStatistics,
  missingScoresOf,
  benchmarkVersion,
  namesOfGroups,
  periodsWithScans,
  scoresOf,
  type GroupStatistic,
} from './benchmark.queries.ts';

export interface PeriodGroups {
  period: number;
  contributions: Contribution[];
  groups: PeerGroup[];
  decisions: Map<string, Decision>;
}

/**
 * Figures change only when a scan is submitted or reopened, a sharing choice, a population or a
 * network changes. Database triggers count those writes in one version number; a per-process
 * cache keyed by it stays correct in every process without coordination. Keyed by database too,
 * as tests open many in one process.
 */
interface CacheEntry {
  version: number;
  periods: Promise<number[]>;
  groups: Map<number, Promise<PeriodGroups>>;
  names?: Promise<GroupNames>;
}

export interface GroupNames {
  provinces: Map<string, string>;
  networks: Map<string, string>;
}
const cache = new WeakMap<Db, CacheEntry>();
const figuresCache = new WeakMap<PeriodGroups, Map<string, Promise<GroupFigures>>>();

async function cacheFor(db: Db): Promise<CacheEntry> {
  const version = await benchmarkVersion(db);
  const entry = cache.get(db);
  if (entry?.version === version) return entry;
  const fresh: CacheEntry = { version, periods: periodsWithScans(db), groups: new Map() };
  fresh.periods.catch(() => cache.delete(db));
  cache.set(db, fresh);
  return fresh;
}

/** Names of provinces and networks for group labels (organisation and network writes renew them). */
export async function groupNames(db: Db): Promise<GroupNames> {
  const entry = await cacheFor(db);
  entry.names ??= namesOfGroups(db);
  return entry.names;
}

/** Periods with submitted scans, newest first. */
export async function benchmarkPeriods(db: Db): Promise<number[]> {
  return (await cacheFor(db)).periods;
}

/** All peer groups of a period with the anonymity decision for each. */
export async function groupsOfPeriod(db: Db, period: number): Promise<PeriodGroups> {
  return groupsFrom(db, await cacheFor(db), period);
}

function groupsFrom(db: Db, entry: CacheEntry, period: number): Promise<PeriodGroups> {
  let groups = entry.groups.get(period);
  if (!groups) {
    groups = computeGroupsOfPeriod(db, period);
    entry.groups.set(period, groups);
    groups.catch(() => entry.groups.delete(period));
  }
  return groups;
}

async function computeGroupsOfPeriod(db: Db, period: number): Promise<PeriodGroups> {
  const contributions = await contributionsOf(db, period);
  const groups = peerGroups(contributions);
  const named = new Set(contributions.filter((c) => c.isNamed).map((c) => c.organisationId));
  const decisions = decideGroups(
    groups.map((g) => ({
      id: g.id,
      contributors: new Set(g.contributors.map((c) => c.organisationId)),
      named,
    })),
  );
  return { period, contributions, groups, decisions };
}

export type GroupFigures =
  | { isShown: true; groupId: string; period: number; size: number; statistics: GroupStatistic[] }
  | { isShown: false; groupId: string; period: number; reason: 'tooFew' | 'differencing' };

/**
 * The rule once more for each figure (`kind|key`) of a shown group. An organisation without a score
 * for a theme (every answer "weet ik niet" or "niet van toepassing") is left out of that figure
 * only, so a figure could rest on fewer than five organisations, or two groups could differ by
 * fewer than five in it. Only figures that someone has no score for can differ from the group's
 * own decision, so only those are decided again, without the organisations that lack the score.
 */
const figureDecisionsCache = new WeakMap<PeriodGroups, Promise<Map<string, Map<string, Decision>>>>();

/** Per figure that someone lacks a score for: the decisions of all shown groups. Once per period. */
function figureDecisions(db: Db, groups: PeriodGroups): Promise<Map<string, Map<string, Decision>>> {
  let decisions = figureDecisionsCache.get(groups);
  if (!decisions) {
    decisions = computeFigureDecisions(db, groups);
    figureDecisionsCache.set(groups, decisions);
  }
  return decisions;
}

async function computeFigureDecisions(
  db: Db,
  groups: PeriodGroups,
): Promise<Map<string, Map<string, Decision>>> {
  const organisationOf = new Map(groups.contributions.map((c) => [c.scanId, c.organisationId]));
  const missing = new Map<string, Set<number>>();
  for (const m of await missingScoresOf(db, groups.period)) {
    const organisationId = organisationOf.get(m.scanId);
    if (organisationId === undefined) continue;
    const figure = `${m.kind}|${m.key}`;
    missing.set(figure, (missing.get(figure) ?? new Set<number>()).add(organisationId));
  }
  const shown = groups.groups.filter((g) => groups.decisions.get(g.id)?.isShown);
  const named = new Set(groups.contributions.filter((c) => c.isNamed).map((c) => c.organisationId));
  const result = new Map<string, Map<string, Decision>>();
  for (const [figure, lacking] of missing) {
    const candidates = shown.map((g) => ({
      id: g.id,
      contributors: new Set(g.contributors.map((c) => c.organisationId).filter((id) => !lacking.has(id))),
      named,
    }));
    result.set(figure, decideGroups(candidates));
  }
  return result;
}

async function publishableFigures(
  db: Db,
  groups: PeriodGroups,
  groupId: string,
): Promise<(figure: string) => boolean> {
  const decisions = await figureDecisions(db, groups);
  return (figure) => decisions.get(figure)?.get(groupId)?.isShown ?? true;
}

/** A group's figures for a period, or the reason they are withheld. Nothing else ever leaves here. */
export function figuresOf(db: Db, groups: PeriodGroups, groupId: string): Promise<GroupFigures> {
  const perGroups = figuresCache.get(groups) ?? new Map<string, Promise<GroupFigures>>();
  figuresCache.set(groups, perGroups);
  let figures = perGroups.get(groupId);
  if (!figures) {
    figures = computeFiguresOf(db, groups, groupId);
    perGroups.set(groupId, figures);
    figures.catch(() => perGroups.delete(groupId));
  }
  return figures;
}

async function computeFiguresOf(db: Db, groups: PeriodGroups, groupId: string): Promise<GroupFigures> {
  const decision = groups.decisions.get(groupId);
  const group = groups.groups.find((g) => g.id === groupId);
  if (!decision || !group) return { isShown: false, groupId, period: groups.period, reason: 'tooFew' };
  if (!decision.isShown) return { isShown: false, groupId, period: groups.period, reason: decision.reason };
  const isPublishable = await publishableFigures(db, groups, groupId);
  const statistics = (
    await groupStatistics(
      db,
      group.contributors.map((c) => c.scanId),
    )
  ).filter((s) => isPublishable(`${s.kind}|${s.key}`));
  return { isShown: true, groupId, period: groups.period, size: group.contributors.length, statistics };
}

/** The group's median overall score per period, where shown. */
export async function trendOf(db: Db, groupId: string) {
  const trend: { period: number; size: number | null; median: number | null }[] = [];
  const entry = await cacheFor(db);
  for (const period of (await entry.periods).slice(0, 10).reverse()) {
    const figures = await figuresOf(db, await groupsFrom(db, entry, period), groupId);
    const overall = figures.isShown ? figures.statistics.find((s) => s.kind === 'overall') : undefined;
    trend.push({ period, size: figures.isShown ? figures.size : null, median: overall?.median ?? null });
  }
  return trend;
}

export interface LearnFromItem {
  themeId: string;
  ownScore: number;
  peers: { code: string; displayName: string; score: number }[];
}

/**
 * For the organisation's three weakest themes: the organisations in its networks that score at
 * least one level higher there. Only between organisations that both chose named sharing.
 */
export async function learnFrom(
  db: Db,
  groups: PeriodGroups,
  organisationId: number,
): Promise<LearnFromItem[]> {
  const own = groups.contributions.find((c) => c.organisationId === organisationId);
  if (!own?.isNamed) return [];
  const peers = groups.contributions.filter(
    (c) =>
      c.isNamed && c.organisationId !== organisationId && c.networks.some((n) => own.networks.includes(n)),
  );
  const scores = await scoresOf(db, [own.scanId, ...peers.map((p) => p.scanId)]);
  const themeScore = (scanId: number, key: string) =>
    scores.find((s) => s.scanId === scanId && s.kind === 'theme' && s.key === key)?.score ?? null;
  const weakest = scores
    .filter((s) => s.scanId === own.scanId && s.kind === 'theme' && s.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 3);
  return weakest.map((w) => {
    const ownScore = w.score ?? 0;
    const ahead = peers.flatMap((p) => {
      const score = themeScore(p.scanId, w.key);
      return score !== null && score >= ownScore + 1
        ? [{ code: p.code, displayName: p.displayName, score }]
        : [];
    });
    return { themeId: w.key, ownScore, peers: ahead.sort((a, b) => b.score - a.score) };
  });
}
