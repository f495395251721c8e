import { formatInteger, type Locale } from '../../core/i18n/i18n.ts';
import { benchmarkMessage } from './benchmark.messages.ts';

/** CBS municipality size classes (gemeentegrootteklassen), by number of inhabitants. */
export const sizeClasses = [
  { id: 1, from: 0, to: 5_000 },
  { id: 2, from: 5_000, to: 10_000 },
  { id: 3, from: 10_000, to: 20_000 },
  { id: 4, from: 20_000, to: 50_000 },
  { id: 5, from: 50_000, to: 100_000 },
  { id: 6, from: 100_000, to: 150_000 },
  { id: 7, from: 150_000, to: 250_000 },
  { id: 8, from: 250_000, to: Number.POSITIVE_INFINITY },
] as const;

export function sizeClassOf(population: number | null): number | undefined {
  if (population === null) return undefined;
  return sizeClasses.find((c) => population >= c.from && population < c.to)?.id;
}

export function sizeClassLabel(id: number, locale: Locale): string {
  const c = sizeClasses.find((s) => s.id === id);
  if (!c) return String(id);
  const t = benchmarkMessage.for(locale);
  const from = formatInteger(locale, c.from);
  if (c.to === Number.POSITIVE_INFINITY) return t('sizeClass.atLeast', { from });
  const to = formatInteger(locale, c.to);
  return c.from === 0 ? t('sizeClass.below', { to }) : t('sizeClass.between', { from, to });
}

/** A contributing organisation in one period: its latest submitted scan of that period. */
export interface Contribution {
  organisationId: number;
  code: string;
  displayName: string;
  provinceCode: string | null;
  population: number | null;
  isNamed: boolean;
  scanId: number;
  /** The framework version of that scan: across versions the figures compare mapped questions only. */
  frameworkVersion: string;
  networks: string[];
}

export interface PeerGroup {
  /** 'all', 'province:PV28', 'network:mrdh', 'size:5' */
  id: string;
  contributors: Contribution[];
}

/** Every peer group that has at least one contributor in the period. */
export function peerGroups(contributions: readonly Contribution[]): PeerGroup[] {
  const groups = new Map<string, Contribution[]>([['all', [...contributions]]]);
  const add = (id: string, c: Contribution) => {
    const members = groups.get(id);
    if (members) members.push(c);
    else groups.set(id, [c]);
  };
  for (const c of contributions) {
    if (c.provinceCode) add(`province:${c.provinceCode}`, c);
    for (const network of c.networks) add(`network:${network}`, c);
    const size = sizeClassOf(c.population);
    if (size !== undefined) add(`size:${size}`, c);
  }
  return [...groups].map(([id, contributors]) => ({ id, contributors }));
}
