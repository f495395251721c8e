import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { sizeClassLabel, sizeClassOf } from './benchmark-groups.ts';
import { benchmarkMessage } from './benchmark.messages.ts';
import type { OrganisationFacts } from './benchmark.queries.ts';
import {
  benchmarkSnapshot,
  groupsIn,
  namesIn,
  organisationIn,
  type GroupNames,
  type PeriodGroups,
} from './benchmark.service.ts';

/**
 * Which group an organisation is compared with unless it asks for another, and what each group is
 * called. The benchmark page and every document that reports a benchmark position use these, so
 * the two never name or pick different groups.
 */

/** Labels group ids ('all', 'province:PV28', 'network:mrdh', 'size:5') in one language. */
export function groupLabeller(names: GroupNames, locale: Locale): (id: string) => string {
  return (id) => {
    const [kind, value = ''] = id.split(':');
    if (kind === 'province')
      return benchmarkMessage(locale, 'group.province', { name: names.provinces.get(value) ?? value });
    if (kind === 'network')
      return benchmarkMessage(locale, 'group.network', { name: names.networks.get(value) ?? value });
    if (kind === 'size')
      return benchmarkMessage(locale, 'group.size', { size: sizeClassLabel(Number(value), locale) });
    return benchmarkMessage(locale, 'group.all');
  };
}

/** The name of a benchmark group, as the benchmark page shows it. */
export async function benchmarkGroupLabel(db: Db, groupId: string, locale: Locale): Promise<string> {
  return groupLabeller(await namesIn(await benchmarkSnapshot(db)), locale)(groupId);
}

/** The groups an organisation is part of (whether or not it shares), most specific first. */
export function ownGroupIds(facts: OrganisationFacts): string[] {
  const size = sizeClassOf(facts.population);
  return [
    ...[...facts.networkCodes]
      .sort((a, b) => Number(b === 'mrdh') - Number(a === 'mrdh'))
      .map((c) => `network:${c}`),
    ...(facts.provinceCode ? [`province:${facts.provinceCode}`] : []),
    ...(size === undefined ? [] : [`size:${size}`]),
    'all',
  ];
}

/**
 * The default comparison: the MRDH network, else the own province, else everyone; the first of
 * those the organisation belongs to whose figures the anonymity rule shows. 'all' when none is.
 */
export function defaultGroupIn(own: readonly string[], groups: PeriodGroups): string {
  const isShown = (id: string) => groups.decisions.get(id)?.isShown === true;
  const preferred = ['network:mrdh', own.find((id) => id.startsWith('province:')), 'all'];
  return preferred.find((id) => id !== undefined && own.includes(id) && isShown(id)) ?? 'all';
}

/** The group an organisation's scan of `period` is compared with by default. */
export async function defaultBenchmarkGroup(db: Db, organisationId: number, period: number): Promise<string> {
  const snapshot = await benchmarkSnapshot(db);
  const facts = await organisationIn(snapshot, organisationId);
  return defaultGroupIn(ownGroupIds(facts), await groupsIn(snapshot, period));
}
