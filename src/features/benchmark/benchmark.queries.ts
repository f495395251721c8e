import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { storedScores, type StoredScore } from '../scan/index.ts';
import { scans, scanScores } from '../scan/index.ts';
import { sharingModeOf, sharingModesOf, type SharingMode } from '../sharing/index.ts';
import { benchmarkState } from './benchmark.tables.ts';
import type { Contribution } from './benchmark-groups.ts';

// benchmark.demo.ts imports these from here until the demo data becomes YAML.

/**
 * The organisations that count in period P: those with a submitted scan of that period (the latest
 * one when there are several) that did not choose "not shared".
 */
export async function contributionsOf(db: Db, period: number): Promise<Contribution[]> {
  const rows = await db
    .selectDistinctOn([scans.organisationId], {
      organisationId: scans.organisationId,
      scanId: scans.id,
      frameworkVersion: scans.frameworkVersion,
      code: organisations.code,
      displayName: organisations.displayName,
      provinceCode: organisations.provinceCode,
      population: organisations.population,
    })
    .from(scans)
    .innerJoin(organisations, eq(organisations.id, scans.organisationId))
    .where(and(eq(scans.status, 'submitted'), eq(scans.period, period)))
    .orderBy(scans.organisationId, desc(scans.submittedAt), desc(scans.id));
  // The sharing slice owns the choices: asked once for all organisations of the period.
  const modes = await sharingModesOf(
    db,
    rows.map((r) => r.organisationId),
  );
  const modeOf = (organisationId: number): SharingMode => modes.get(organisationId) ?? 'aggregated';
  const counted = rows.filter((r) => modeOf(r.organisationId) !== 'not-shared');
  const memberships =
    counted.length === 0
      ? []
      : await db
          .select({ organisationId: networkMembers.organisationId, code: networks.code })
          .from(networkMembers)
          .innerJoin(networks, eq(networks.id, networkMembers.networkId));
  const networksOf = new Map<number, string[]>();
  for (const m of memberships)
    networksOf.set(m.organisationId, [...(networksOf.get(m.organisationId) ?? []), m.code]);
  return counted.map((r) => ({
    organisationId: r.organisationId,
    code: r.code,
    displayName: r.displayName,
    provinceCode: r.provinceCode,
    population: r.population,
    isNamed: modeOf(r.organisationId) === 'named',
    scanId: r.scanId,
    frameworkVersion: r.frameworkVersion,
    networks: networksOf.get(r.organisationId) ?? [],
  }));
}

/** Periods with at least one submitted scan, newest first. */
export async function periodsWithScans(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ period: scans.period })
    .from(scans)
    .where(eq(scans.status, 'submitted'))
    .orderBy(desc(scans.period));
  return rows.map((r) => r.period);
}

export interface GroupStatistic {
  kind: 'theme' | 'pillar' | 'overall';
  key: string;
  count: number;
  q1: number;
  median: number;
  q3: number;
}

/** Median and quartiles per theme, pillar and overall over the given scans, from the stored scores. */
export async function groupStatistics(db: Db, scanIds: number[]): Promise<GroupStatistic[]> {
  if (scanIds.length === 0) return [];
  const round = (column: string) =>
    sql<number>`round(percentile_cont(${sql.raw(column)}) within group (order by ${scanScores.score})::numeric, 2)::float8`;
  const rows = await db
    .select({
      kind: scanScores.kind,
      key: scanScores.key,
      count: sql<number>`count(${scanScores.score})::int`,
      q1: round('0.25'),
      median: round('0.5'),
      q3: round('0.75'),
    })
    .from(scanScores)
    .where(and(isAnyOf(scanScores.scanId, scanIds), sql`${scanScores.score} is not null`))
    .groupBy(scanScores.kind, scanScores.key);
  return rows;
}

/** Figures (`kind`, `key`) that a submitted scan of the period has no score for. */
export async function missingScoresOf(db: Db, period: number) {
  return db
    .select({ scanId: scanScores.scanId, kind: scanScores.kind, key: scanScores.key })
    .from(scanScores)
    .innerJoin(scans, eq(scans.id, scanScores.scanId))
    .where(and(eq(scans.period, period), eq(scans.status, 'submitted'), sql`${scanScores.score} is null`));
}

/** `column = any(…)` with one array parameter: thousands of ids in one value, not one each. */
function isAnyOf(column: typeof scanScores.scanId, ids: number[]) {
  return sql`${column} = any(${`{${ids.filter(Number.isSafeInteger).join(',')}}`}::int[])`;
}

// Stored scores belong to the scan slice; benchmark.demo.test.ts still imports them by this name.
export { storedScores as scoresOf } from '../scan/index.ts';

export async function setPopulation(
  db: Db,
  values: { code: string; population: number }[],
  actorUserId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const v of values) {
      await tx.update(organisations).set({ population: v.population }).where(eq(organisations.code, v.code));
    }
    await recordAudit(tx, { actorUserId, action: 'population.imported', details: { count: values.length } });
  });
}

/**
 * Goes up on every write that benchmark figures depend on (database triggers, migration 0006).
 * Read on every benchmark page, so as cheaply as it goes: the table holds one row (its check
 * constraint), and a query without parameters costs PGlite less.
 */
export async function benchmarkVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: benchmarkState.version }).from(benchmarkState);
  return row?.version ?? 0;
}

/** Province and network names by code, for group labels. */
export async function namesOfGroups(db: Db) {
  const provinces = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'province'));
  const networkRows = await db.select({ code: networks.code, name: networks.name }).from(networks);
  return {
    provinces: new Map(provinces.map((p) => [p.code, p.name])),
    networks: new Map(networkRows.map((n) => [n.code, n.name])),
  };
}

export interface OwnScan {
  id: number;
  title: string;
  period: number;
  frameworkVersion: string;
  submittedAt: Date | null;
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

export interface OrganisationFacts {
  submitted: OwnScan[];
  /** Stored scores of all submitted scans. */
  scores: StoredScore[];
  provinceCode: string | null;
  population: number | null;
  /** Network codes, by network name. */
  networkCodes: string[];
  mode: SharingMode;
}

/**
 * What an organisation's own benchmark page shows of it. Writes to scans, scores, sharing choices,
 * organisations and network members bump the version; a network's own row does not, but only its
 * code is read here, which nothing changes.
 */
export async function organisationFacts(db: Db, organisationId: number): Promise<OrganisationFacts> {
  const [row] = await db
    .select({ provinceCode: organisations.provinceCode, population: organisations.population })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const submitted = await submittedScansOf(db, organisationId);
  const networkRows = await networksOfOrganisation(db, organisationId);
  const { mode } = await sharingModeOf(db, organisationId);
  return {
    submitted,
    scores: await storedScores(
      db,
      submitted.map((s) => s.id),
    ),
    provinceCode: row?.provinceCode ?? null,
    population: row?.population ?? null,
    networkCodes: networkRows.map((n) => n.code),
    mode,
  };
}
