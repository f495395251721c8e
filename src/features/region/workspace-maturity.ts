import type { Db } from '../../core/db/database.ts';
import { openDataSet, participationOf, type OpenFigure } from '../benchmark/index.ts';
import { commonBasis, storedScores } from '../scan/index.ts';
import type { RegionMember, RegionNetwork } from './workspace.queries.ts';

/**
 * The region's maturity under the benchmark's anonymity rule: group figures come only from the
 * benchmark's open data set (which withholds a group that is too small, or whose few unnamed
 * members could be isolated by subtracting named scores or another group), and a member's own score
 * appears only when that member chose named sharing. Nothing here computes a figure of its own.
 */
export type MemberMaturity =
  | { kind: 'named'; member: RegionMember; pillars: Map<string, number> }
  | { kind: 'aggregate'; member: RegionMember }
  | { kind: 'none'; member: RegionMember };

export interface MaturityData {
  /** Periods with at least one contributing member, oldest first. */
  periods: number[];
  /** Pillar and overall figures of the network per period, as the benchmark publishes them. */
  figures: OpenFigure[];
  /** The same per theme: what a pillar's median hides, such as one theme far behind the others. */
  themeFigures: OpenFigure[];
  /**
   * Set when the periods' scans span framework versions: every figure of the trend then counts only
   * the questions the mappings carry over (decision 0026), and the page says so.
   */
  acrossVersions?: { versions: string[]; questions: number };
  /** Periods whose network figures the benchmark withholds, with its reason. */
  withheld: { period: number; reason: 'tooFew' | 'differencing' }[];
  /** The latest period with contributions; null before any. */
  latest: number | null;
  members: MemberMaturity[];
}

export async function loadMaturity(
  db: Db,
  network: RegionNetwork,
  members: RegionMember[],
): Promise<MaturityData> {
  const participation = (await participationOf(db, network.code)).filter((p) => p.contributions.length > 0);
  const data: MaturityData = {
    periods: [],
    figures: [],
    themeFigures: [],
    withheld: [],
    latest: null,
    members: [],
  };
  const basis = commonBasis(participation.flatMap((p) => p.contributions.map((c) => c.frameworkVersion)));
  const compareWith = basis?.versions ?? [];
  if (basis) data.acrossVersions = { versions: basis.versions, questions: basis.questionIds.length };
  for (const p of participation) {
    data.periods.push(p.period);
    const set = await openDataSet(db, { period: p.period, group: `network:${network.code}`, compareWith });
    for (const figure of set.items) (figure.kind === 'theme' ? data.themeFigures : data.figures).push(figure);
    for (const w of set.withheld) data.withheld.push({ period: p.period, reason: w.reason });
  }
  const latest = participation.at(-1);
  data.latest = latest?.period ?? null;
  const contributions = latest?.contributions ?? [];
  const named = contributions.filter((c) => c.isNamed);
  const scores = await storedScores(
    db,
    named.map((c) => c.scanId),
  );
  data.members = members.map((member): MemberMaturity => {
    const contribution = contributions.find((c) => c.organisationId === member.id);
    if (!contribution) return { kind: 'none', member };
    if (!contribution.isNamed) return { kind: 'aggregate', member };
    const pillars = new Map<string, number>();
    for (const s of scores)
      if (s.scanId === contribution.scanId && s.kind === 'pillar' && s.score !== null)
        pillars.set(s.key, s.score);
    return { kind: 'named', member, pillars };
  });
  return data;
}
