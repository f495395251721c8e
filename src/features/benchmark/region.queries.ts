import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks } from '../../core/db/core.tables.ts';
import type { Contribution } from './benchmark-groups.ts';
import { storedScores } from '../scan/index.ts';
import { contributionsOf, periodsWithScans } from './benchmark.queries.ts';

export interface NetworkSummary {
  code: string;
  name: string;
  memberCount: number;
}

/** Networks with their member counts; all of them, or only those with the given codes. */
export async function networkSummaries(db: Db, codes?: string[]): Promise<NetworkSummary[]> {
  if (codes?.length === 0) return [];
  return db
    .select({ code: networks.code, name: networks.name, memberCount: count(networkMembers.organisationId) })
    .from(networks)
    .leftJoin(networkMembers, eq(networkMembers.networkId, networks.id))
    .where(codes ? inArray(networks.code, codes) : undefined)
    .groupBy(networks.id, networks.code, networks.name)
    .orderBy(asc(networks.name));
}

export interface PeriodParticipation {
  period: number;
  /** Members with a submitted scan they share (aggregated or named), as the benchmark counts them. */
  contributions: Contribution[];
}

/** Per period (the latest ten, oldest first): the network's members that contribute. */
export async function participationOf(db: Db, networkCode: string): Promise<PeriodParticipation[]> {
  const periods = (await periodsWithScans(db)).slice(0, 10).reverse();
  const result: PeriodParticipation[] = [];
  for (const period of periods) {
    const contributions = (await contributionsOf(db, period)).filter((c) => c.networks.includes(networkCode));
    result.push({ period, contributions });
  }
  return result;
}

export interface NamedScore {
  code: string;
  displayName: string;
  overall: number | null;
  /** The three themes with the lowest score, lowest first. */
  lowest: { key: string; score: number }[];
}

/** Overall score and three lowest themes of each contribution that chose named sharing, by name. */
export async function namedScores(db: Db, contributions: Contribution[]): Promise<NamedScore[]> {
  const named = contributions.filter((c) => c.isNamed);
  const scores = await storedScores(
    db,
    named.map((c) => c.scanId),
  );
  return named
    .map((c) => {
      const own = scores.filter((s) => s.scanId === c.scanId);
      const themes = own.flatMap((s) =>
        s.kind === 'theme' && s.score !== null ? [{ key: s.key, score: s.score }] : [],
      );
      return {
        code: c.code,
        displayName: c.displayName,
        overall: own.find((s) => s.kind === 'overall')?.score ?? null,
        lowest: themes.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, 3),
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
}
