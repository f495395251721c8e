import { and, desc, eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { scans } from '../scan/scan.tables.ts';
import { sizeClassLabel, sizeClassOf } from './benchmark.groups.ts';
import { benchmarkMessage } from './benchmark.messages.ts';
import { scoresOf, sharingModeOf } from './benchmark.queries.ts';
import {
  figuresOf,
  groupNames,
  groupsOfPeriod,
  learnFrom,
  trendOf,
  type GroupFigures,
  type LearnFromItem,
} from './benchmark.service.ts';
import type { SharingMode } from './benchmark.tables.ts';

export interface OwnScan {
  id: number;
  title: string;
  period: number;
  frameworkVersion: string;
  submittedAt: Date | null;
}

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
}

/** The organisation's submitted scans, the latest first (per period: the one the benchmark counts). */
export async function submittedScansOf(db: Db, organisationId: number): Promise<OwnScan[]> {
  return db
    .select({
      id: scans.id,
      title: scans.title,
      period: scans.period,
      frameworkVersion: scans.frameworkVersion,
      submittedAt: scans.submittedAt,
    })
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, 'submitted')))
    .orderBy(desc(scans.period), desc(scans.submittedAt), desc(scans.id));
}

/** The network codes and names an organisation belongs to. */
export async function networksOfOrganisation(db: Db, organisationId: number) {
  return db
    .select({ code: networks.code, name: networks.name })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networkMembers.organisationId, organisationId))
    .orderBy(networks.name);
}

/** The current sharing choice with the name of whoever made it. */
export async function sharingSettingOf(db: Db, organisationId: number) {
  const setting = await sharingModeOf(db, organisationId);
  const [user] =
    setting.updatedByUserId === null
      ? []
      : await db.select({ name: users.name }).from(users).where(eq(users.id, setting.updatedByUserId));
  return { mode: setting.mode, updatedBy: user?.name ?? null, updatedAt: setting.updatedAt };
}

async function groupLabeller(db: Db, locale: Locale) {
  const names = await groupNames(db);
  const provinceName = names.provinces;
  const networkName = names.networks;
  return (id: string): string => {
    const [kind, value = ''] = id.split(':');
    const t = (key: 'group.province' | 'group.network' | 'group.size', p: Record<string, string>) =>
      benchmarkMessage(locale, key, p);
    if (kind === 'province') return t('group.province', { name: provinceName.get(value) ?? value });
    if (kind === 'network') return t('group.network', { name: networkName.get(value) ?? value });
    if (kind === 'size') return t('group.size', { size: sizeClassLabel(Number(value), locale) });
    return benchmarkMessage(locale, 'group.all');
  };
}

/** The groups an organisation is part of (whether or not it shares), most specific first. */
async function ownGroupIds(db: Db, organisationId: number): Promise<string[]> {
  const [row] = await db
    .select({ provinceCode: organisations.provinceCode, population: organisations.population })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const networkCodes = (await networksOfOrganisation(db, organisationId)).map((n) => n.code);
  const size = sizeClassOf(row?.population ?? null);
  return [
    ...networkCodes.sort((a, b) => Number(b === 'mrdh') - Number(a === 'mrdh')).map((c) => `network:${c}`),
    ...(row?.provinceCode ? [`province:${row.provinceCode}`] : []),
    ...(size === undefined ? [] : [`size:${size}`]),
    'all',
  ];
}

const kindOrder = ['all', 'network', 'province', 'size'];
const rank = (id: string) => kindOrder.indexOf(id.split(':')[0] ?? '');

/** The period's groups: the organisation's own first, then the others, each by kind and name. */
function orderChoices(ids: string[], own: string[], label: (id: string) => string): GroupChoice[] {
  const isOwn = (id: string) => (own.includes(id) ? 0 : 1);
  return [...ids]
    .sort((a, b) => isOwn(a) - isOwn(b) || rank(a) - rank(b) || label(a).localeCompare(label(b)))
    .map((id) => ({ id, label: label(id) }));
}

export async function loadBenchmark(
  db: Db,
  organisation: OrganisationScope,
  query: { group: string; period: string },
  locale: Locale,
): Promise<BenchmarkData | undefined> {
  const submitted = await submittedScansOf(db, organisation.id);
  const scan = submitted.find((s) => String(s.period) === query.period) ?? submitted[0];
  if (!scan) return undefined;
  const periodGroups = await groupsOfPeriod(db, scan.period);
  const own = await ownGroupIds(db, organisation.id);
  const label = await groupLabeller(db, locale);
  const choices = orderChoices(
    periodGroups.groups.map((g) => g.id),
    own,
    label,
  );
  const isShown = (id: string) => periodGroups.decisions.get(id)?.isShown === true;
  const defaultId = ['network:mrdh', own.find((id) => id.startsWith('province:')), 'all'].find(
    (id) => id !== undefined && own.includes(id) && isShown(id),
  );
  const groupId = choices.some((c) => c.id === query.group) ? query.group : (defaultId ?? 'all');
  const group = { id: groupId, label: label(groupId) };
  const { mode } = await sharingModeOf(db, organisation.id);
  return {
    organisation,
    mode,
    scan,
    periods: [...new Set(submitted.map((s) => s.period))],
    choices,
    group,
    figures: await figuresOf(db, periodGroups, group.id),
    own: await scoresOf(db, [scan.id]),
    trend: await trendOf(db, group.id),
    learn: mode === 'named' ? await learnFrom(db, periodGroups, organisation.id) : [],
  };
}
