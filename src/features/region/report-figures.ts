import type { OpenFigure } from '../benchmark/index.ts';
import { isInPeriod, yearsOf, type ReportPeriod } from './report-period.ts';
import {
  brigadeDemand,
  quarterOf,
  type BrigadeDemand,
  type MemberParticipation,
} from './workspace-figures.ts';
import type { MaturityData } from './workspace-maturity.ts';
import type { CaseFact, RegionMember, RegionNetwork } from './workspace.queries.ts';

/**
 * The region report's figures as pure functions of the workspace's facts and a period: the same
 * functions as the workspace (the Brigade's days with the firm's cap, the benchmark's anonymity rule),
 * applied to what falls in the period.
 */
export interface ReportMaturity {
  /** The years of the period with contributions, oldest first. */
  years: number[];
  /** The region's pillar and overall figures per year, as the benchmark publishes them. */
  figures: OpenFigure[];
  withheld: { period: number; reason: 'tooFew' | 'differencing' }[];
  /** The latest year's scores of members that share by name; empty when that year is outside the period. */
  named: { member: RegionMember; period: number; pillars: Map<string, number> }[];
  /** Members that count in the latest year only in the total. */
  aggregateCount: number;
}

export interface ReportRequests {
  total: number;
  handled: number;
  /** Quarter ("2026-3") → count, in time order. */
  byQuarter: [string, number][];
}

export interface RegionReportData {
  network: RegionNetwork;
  members: RegionMember[];
  period: ReportPeriod;
  now: Date;
  /** Participation is the members' state on the day of the report, not of the period. */
  participation: MemberParticipation[];
  maturity: ReportMaturity;
  demand: BrigadeDemand;
  requests: ReportRequests;
}

/** The workspace's maturity, narrowed to the years of the period; nothing computed anew. */
export function maturityInPeriod(maturity: MaturityData, period: ReportPeriod): ReportMaturity {
  const years = yearsOf(period);
  const latest = maturity.latest;
  const isLatestIn = latest !== null && years.includes(latest);
  const named = isLatestIn
    ? maturity.members.flatMap((m) =>
        m.kind === 'named' ? [{ member: m.member, period: latest, pillars: m.pillars }] : [],
      )
    : [];
  return {
    years: maturity.periods.filter((p) => years.includes(p)),
    figures: maturity.figures.filter((f) => years.includes(f.period)),
    withheld: maturity.withheld.filter((w) => years.includes(w.period)),
    named,
    aggregateCount: isLatestIn ? maturity.members.filter((m) => m.kind === 'aggregate').length : 0,
  };
}

const quarterRank = (q: string) => {
  const [year = 0, quarter = 0] = q.split('-').map(Number);
  return year * 10 + quarter;
};

export function requestsInPeriod(
  requests: { createdAt: Date; isClosed: boolean }[],
  period: ReportPeriod,
): ReportRequests {
  const inside = requests.filter((r) => isInPeriod(r.createdAt, period));
  const quarters = new Map<string, number>();
  for (const r of inside) {
    const q = quarterOf(r.createdAt);
    quarters.set(q, (quarters.get(q) ?? 0) + 1);
  }
  return {
    total: inside.length,
    handled: inside.filter((r) => r.isClosed).length,
    byQuarter: [...quarters].sort(([a], [b]) => quarterRank(a) - quarterRank(b)),
  };
}

/** The Brigade's demand from the questions asked in the period (a question counts in the quarter it came in). */
export function demandInPeriod(cases: CaseFact[], period: ReportPeriod): BrigadeDemand {
  return brigadeDemand(cases.filter((c) => isInPeriod(c.createdAt, period)));
}
