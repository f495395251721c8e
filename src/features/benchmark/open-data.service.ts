import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networks, organisations } from '../../core/db/core.tables.ts';
import { benchmarkPeriods, figuresOf, groupsOfPeriod } from './benchmark.service.ts';

export type WithheldReason = 'tooFew' | 'differencing';

/** One published figure: a group's quartiles of one theme, pillar or the overall score. */
export interface OpenFigure {
  period: number;
  group: string;
  groupSize: number;
  kind: 'theme' | 'pillar' | 'overall';
  key: string;
  q1: number;
  median: number;
  q3: number;
  count: number;
}

export interface OpenDataSet {
  /** null when no period has a submitted scan yet. */
  period: number | null;
  items: OpenFigure[];
  withheld: { group: string; reason: WithheldReason }[];
}

/** all, province:PV28, network:mrdh, size:1 … size:8 */
export const groupIdPattern = '^(all|province:PV\\d{2}|network:[a-z0-9-]{1,40}|size:[1-8])$';

export const csvHeader = [
  'period',
  'group',
  'groupSize',
  'kind',
  'key',
  'q1',
  'median',
  'q3',
  'count',
] as const;

const kindOrder = { overall: 0, pillar: 1, theme: 2 } as const;

/**
 * The open data set of a period (default: the latest with submitted scans): the figures of every
 * shown group, or of one group, and the withheld groups with their reason but without any figure.
 */
export async function openDataSet(
  db: Db,
  options: { period?: number; group?: string; compareWith?: readonly string[] } = {},
): Promise<OpenDataSet> {
  const period = options.period ?? (await benchmarkPeriods(db))[0];
  if (period === undefined) return { period: null, items: [], withheld: [] };
  const groups = await groupsOfPeriod(db, period);
  const ids = options.group === undefined ? groups.groups.map((g) => g.id) : [options.group];
  const data: OpenDataSet = { period, items: [], withheld: [] };
  for (const id of ids) {
    // compareWith: versions of other periods set beside this one (the region's trend): then the
    // figures count the questions the mappings carry over only.
    const figures = await figuresOf(db, groups, id, options.compareWith ?? []);
    if (!figures.isShown) {
      data.withheld.push({ group: id, reason: figures.reason });
      continue;
    }
    // figuresOf applies the rule to the group and again to each figure (theme, pillar, overall).
    const statistics = [...figures.statistics].sort(
      (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.key.localeCompare(b.key),
    );
    for (const s of statistics) data.items.push({ period, group: id, groupSize: figures.size, ...s });
  }
  return data;
}

/** The data set as rows for CSV, with the header: the same fields as the API, in the same order. */
export function csvRows(data: OpenDataSet): (string | number)[][] {
  return [[...csvHeader], ...data.items.map((f) => csvHeader.map((column) => f[column]))];
}

/** Names for group ids: provinces (Provincie Zuid-Holland) by CBS code, networks (MRDH) by code. */
export async function groupNames(db: Db): Promise<Map<string, string>> {
  const provinces = await db
    .select({ code: organisations.code, name: organisations.displayName })
    .from(organisations)
    .where(eq(organisations.kind, 'province'));
  const networkRows = await db.select({ code: networks.code, name: networks.name }).from(networks);
  return new Map([
    ...provinces.map((p): [string, string] => [`province:${p.code}`, p.name]),
    ...networkRows.map((n): [string, string] => [`network:${n.code}`, n.name]),
  ]);
}
