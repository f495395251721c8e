import type { Db } from '../../core/db/database.ts';
import { storedScores } from '../scan/index.ts';
import { decideGroups, type Decision } from './benchmark-anonymity.ts';
import { peerGroups, type Contribution, type PeerGroup } from './benchmark-groups.ts';
import { statisticsAcrossVersions, versionsOf, type AcrossVersions } from './benchmark-versions.ts';
import {
  contributionsOf,
  groupStatistics,
  missingScoresOf,
  benchmarkVersion,
  namesOfGroups,
  organisationFacts,
  periodsWithScans,
  type GroupStatistic,
  type OrganisationFacts,
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
 * as tests open many in one process. A page reads the version once and takes all it needs from
 * that snapshot: on the embedded database every query waits in one queue with those of all
 * concurrent requests, so a warm page should cost no more than this one cheap read.
 */
export interface BenchmarkSnapshot {
  db: Db;
  version: number;
  periods: Promise<number[]>;
  groups: Map<number, Promise<PeriodGroups>>;
  names?: Promise<GroupNames>;
  /** Per organisation (its own scans and scores, groups, sharing choice), as pages ask for them. */
  organisations: Map<number, Promise<OrganisationFacts>>;
}

export interface GroupNames {
  provinces: Map<string, string>;
  networks: Map<string, string>;
}
const cache = new WeakMap<Db, BenchmarkSnapshot>();
const figuresCache = new WeakMap<PeriodGroups, Map<string, Promise<GroupFigures>>>();
const learnCache = new WeakMap<PeriodGroups, Map<number, Promise<LearnFromItem[]>>>();

/** Computes once per key; a failed computation is dropped, so the next caller tries again. */
export function memo<K, V>(map: Map<K, Promise<V>>, key: K, compute: () => Promise<V>): Promise<V> {
  let value = map.get(key);
  if (!value) {
    value = compute();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}

/** The benchmark data as of the current version: one read of the version number. */
export async function benchmarkSnapshot(db: Db): Promise<BenchmarkSnapshot> {
  const version = await benchmarkVersion(db);
  const entry = cache.get(db);
  if (entry?.version === version) return entry;
  const fresh: BenchmarkSnapshot = {
    db,
    version,
    periods: periodsWithScans(db),
    groups: new Map(),
    organisations: new Map(),
  };
  fresh.periods.catch(() => cache.get(db) === fresh && cache.delete(db));
  cache.set(db, fresh);
  return fresh;
}

/** Names of provinces and networks for group labels (organisation and network writes renew them). */
export async function groupNames(db: Db): Promise<GroupNames> {
  return namesIn(await benchmarkSnapshot(db));
}

export function namesIn(snapshot: BenchmarkSnapshot): Promise<GroupNames> {
  snapshot.names ??= namesOfGroups(snapshot.db);
  return snapshot.names;
}

/** Periods with submitted scans, newest first. */
export async function benchmarkPeriods(db: Db): Promise<number[]> {
  return (await benchmarkSnapshot(db)).periods;
}

/** All peer groups of a period with the anonymity decision for each. */
export async function groupsOfPeriod(db: Db, period: number): Promise<PeriodGroups> {
  return groupsIn(await benchmarkSnapshot(db), period);
}

export function groupsIn(snapshot: BenchmarkSnapshot, period: number): Promise<PeriodGroups> {
  return memo(snapshot.groups, period, () => computeGroupsOfPeriod(snapshot.db, period));
}

/**
 * One organisation's own facts (submitted scans with their scores, groups, sharing choice). The
 * writes that change them bump the version (see organisationFacts), so they are as fresh as the
 * figures. Only the page of that organisation asks for them, after its route checked the caller's
 * membership.
 */
export function organisationIn(snapshot: BenchmarkSnapshot, organisationId: number) {
  return memo(snapshot.organisations, organisationId, () => organisationFacts(snapshot.db, organisationId));
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
  | {
      isShown: true;
      groupId: string;
      period: number;
      size: number;
      statistics: GroupStatistic[];
      /** Set when the figures compare scans on different framework versions (mapped questions only). */
      acrossVersions?: AcrossVersions;
    }
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

/**
 * A group's figures for a period, or the reason they are withheld. Nothing else ever leaves here.
 * `compareWith`: framework versions the figures must be comparable with (an own scan, other periods
 * of a trend); when they and the group's scans span more than one version, the figures count only
 * the questions the mappings carry over.
 */
export function figuresOf(
  db: Db,
  groups: PeriodGroups,
  groupId: string,
  compareWith: readonly string[] = [],
): Promise<GroupFigures> {
  const perGroups = figuresCache.get(groups) ?? new Map<string, Promise<GroupFigures>>();
  figuresCache.set(groups, perGroups);
  const contributors = groups.groups.find((g) => g.id === groupId)?.contributors ?? [];
  const versions = versionsOf(contributors, compareWith);
  const basis = versions.length > 1 ? versions : [];
  return memo(perGroups, [groupId, ...basis].join('|'), () => computeFiguresOf(db, groups, groupId, basis));
}

async function computeFiguresOf(
  db: Db,
  groups: PeriodGroups,
  groupId: string,
  versions: readonly string[],
): Promise<GroupFigures> {
  const decision = groups.decisions.get(groupId);
  const group = groups.groups.find((g) => g.id === groupId);
  if (!decision || !group) return { isShown: false, groupId, period: groups.period, reason: 'tooFew' };
  if (!decision.isShown) return { isShown: false, groupId, period: groups.period, reason: decision.reason };
  const across =
    versions.length > 1 ? await statisticsAcrossVersions(db, group.contributors, versions) : undefined;
  if (across)
    return { isShown: true, groupId, period: groups.period, size: group.contributors.length, ...across };
  const isPublishable = await publishableFigures(db, groups, groupId);
  const statistics = (
    await groupStatistics(
      db,
      group.contributors.map((c) => c.scanId),
    )
  ).filter((s) => isPublishable(`${s.kind}|${s.key}`));
  return { isShown: true, groupId, period: groups.period, size: group.contributors.length, statistics };
}

export interface LearnFromItem {
  themeId: string;
  ownScore: number;
  peers: { code: string; displayName: string; score: number }[];
}

/**
 * For the organisation's three weakest themes: the organisations in its networks that score at
 * least one level higher there. Only between organisations that both chose named sharing.
 * Computed once per period's groups (so per version) and organisation.
 */
export function learnFrom(db: Db, groups: PeriodGroups, organisationId: number): Promise<LearnFromItem[]> {
  const perOrganisation = learnCache.get(groups) ?? new Map<number, Promise<LearnFromItem[]>>();
  learnCache.set(groups, perOrganisation);
  return memo(perOrganisation, organisationId, () => computeLearnFrom(db, groups, organisationId));
}

async function computeLearnFrom(
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
  const scores = await storedScores(db, [own.scanId, ...peers.map((p) => p.scanId)]);
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
