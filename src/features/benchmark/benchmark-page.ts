import type { Db } from '../../core/db/database.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { defaultGroupIn, groupLabeller, ownGroupIds } from './benchmark-choice.ts';
import type { OwnScan } from './benchmark.queries.ts';
import {
  benchmarkSnapshot,
  figuresOf,
  groupsIn,
  learnFrom,
  memo,
  namesIn,
  organisationIn,
  type GroupFigures,
  type BenchmarkSnapshot,
  type LearnFromItem,
  type PeriodGroups,
} from './benchmark.service.ts';
import type { SharingMode } from '../sharing/index.ts';
import { comparableScoresOf } from '../scan/index.ts';
import { trendIn, type TrendPoint } from './benchmark-trend.ts';

export interface GroupChoice {
  id: string;
  label: string;
}

export interface BenchmarkData {
  organisation: OrganisationScope;
  mode: SharingMode;
  scan: OwnScan;
  periods: number[];
  choices: GroupChoice[];
  group: GroupChoice;
  figures: GroupFigures;
  own: { kind: string; key: string; score: number | null }[];
  trend: TrendPoint[];
  learn: LearnFromItem[];
  /** The snapshot the data comes from: what is drawn from the data holds while it is current. */
  snapshot: BenchmarkSnapshot;
}

const kindOrder = ['all', 'network', 'province', 'size'];
const rank = (id: string) => kindOrder.indexOf(id.split(':')[0] ?? '');

/** The period's groups: the organisation's own first, then the others, each by kind and name. */
function orderChoices(ids: string[], own: string[], label: (id: string) => string): GroupChoice[] {
  const isOwn = (id: string) => (own.includes(id) ? 0 : 1);
  return ids
    .map((id) => ({ id, label: label(id) }))
    .sort((a, b) => isOwn(a.id) - isOwn(b.id) || rank(a.id) - rank(b.id) || a.label.localeCompare(b.label));
}

/** Labelled and ordered once per period's groups, language and set of own groups (not per request). */
const choicesCache = new WeakMap<PeriodGroups, Map<string, Promise<GroupChoice[]>>>();

function choicesFor(snapshot: BenchmarkSnapshot, groups: PeriodGroups, own: string[], locale: Locale) {
  const perKey = choicesCache.get(groups) ?? new Map<string, Promise<GroupChoice[]>>();
  choicesCache.set(groups, perKey);
  return memo(perKey, `${locale}|${own.join(',')}`, async () =>
    orderChoices(
      groups.groups.map((g) => g.id),
      own,
      groupLabeller(await namesIn(snapshot), locale),
    ),
  );
}

/** Everything from one snapshot of the benchmark data: warm, one read of its version number. */
export async function loadBenchmark(
  db: Db,
  organisation: OrganisationScope,
  query: { group: string; period: string },
  locale: Locale,
): Promise<BenchmarkData | undefined> {
  const snapshot = await benchmarkSnapshot(db);
  const facts = await organisationIn(snapshot, organisation.id);
  const submitted = facts.submitted;
  const scan = submitted.find((s) => String(s.period) === query.period) ?? submitted[0];
  if (!scan) return undefined;
  const periodGroups = await groupsIn(snapshot, scan.period);
  const own = ownGroupIds(facts);
  const choices = await choicesFor(snapshot, periodGroups, own, locale);
  const groupId = choices.some((c) => c.id === query.group) ? query.group : defaultGroupIn(own, periodGroups);
  const listed = choices.find((c) => c.id === groupId);
  const group = listed
    ? { ...listed }
    : { id: groupId, label: groupLabeller(await namesIn(snapshot), locale)(groupId) };
  const mode = facts.mode;
  const figures = await figuresOf(db, periodGroups, group.id, [scan.frameworkVersion]);
  return {
    organisation,
    mode,
    scan,
    periods: [...new Set(submitted.map((s) => s.period))],
    choices,
    group,
    figures,
    own: await ownScores(db, scan, facts.scores, figures),
    trend: await trendIn(snapshot, group.id, [scan.frameworkVersion]),
    learn: mode === 'named' ? await learnFrom(db, periodGroups, organisation.id) : [],
    snapshot,
  };
}

/**
 * The organisation's own scores beside the figures: as stored, or, when the figures compare
 * framework versions, scored again on the same mapped questions (never a mix of the two).
 */
async function ownScores(
  db: Db,
  scan: OwnScan,
  stored: { scanId: number; kind: string; key: string; score: number | null }[],
  figures: GroupFigures,
): Promise<{ kind: string; key: string; score: number | null }[]> {
  const across = figures.isShown ? figures.acrossVersions : undefined;
  if (!across) return stored.filter((s) => s.scanId === scan.id);
  const comparable = await comparableScoresOf(db, [scan], across.versions);
  return comparable?.scores ?? [];
}
