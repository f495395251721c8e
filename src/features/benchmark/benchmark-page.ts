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
  trendIn,
  type GroupFigures,
  type BenchmarkSnapshot,
  type LearnFromItem,
  type PeriodGroups,
} from './benchmark.service.ts';
import type { SharingMode } from '../sharing/index.ts';

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
  trend: { period: number; size: number | null; median: number | null }[];
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
  return {
    organisation,
    mode,
    scan,
    periods: [...new Set(submitted.map((s) => s.period))],
    choices,
    group,
    figures: await figuresOf(db, periodGroups, group.id),
    own: facts.scores.filter((s) => s.scanId === scan.id),
    trend: await trendIn(snapshot, group.id),
    learn: mode === 'named' ? await learnFrom(db, periodGroups, organisation.id) : [],
    snapshot,
  };
}
