import { dayBudget, hoursPerDay, type CaseCategory } from '../intake/index.ts';
import type { CaseFact, ParticipationFacts, RegionMember } from './workspace.queries.ts';

/**
 * The workspace's figures as pure functions of the facts read from the database, so that a
 * hand-computed region checks them without a page in between.
 */

const dayMs = 86_400_000;

export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / dayMs));
}

/** New questions nobody has taken yet, oldest first (the longest wait heads the list). */
export function unassignedNewCases(cases: CaseFact[]): CaseFact[] {
  return cases
    .filter((c) => c.status === 'new' && !c.isAssigned)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

export interface SessionLike {
  id: number;
  startsAt: Date;
  capacity: number;
  confirmed: number;
}

/** Sessions that are full or start within `withinDays` (two weeks), soonest first. */
export function sessionsNeedingAttention<S extends SessionLike>(
  sessions: S[],
  now: Date,
  withinDays = 14,
): S[] {
  const until = now.getTime() + withinDays * dayMs;
  return sessions
    .filter((s) => s.startsAt.getTime() >= now.getTime())
    .filter((s) => s.confirmed >= s.capacity || s.startsAt.getTime() <= until)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The furthest step a member has taken: 0 nothing, 1 team, 2 draft scan, 3 submitted scan, 4 strategy, 5 shared roadmap. */
export type ParticipationStep = 0 | 1 | 2 | 3 | 4 | 5;

export interface MemberParticipation {
  member: RegionMember;
  teamSize: number;
  scan: { period: number; status: 'draft' | 'submitted' } | null;
  hasStrategy: boolean;
  hasSharedRoadmap: boolean;
  step: ParticipationStep;
}

export function participationOfMembers(
  members: RegionMember[],
  facts: ParticipationFacts,
): MemberParticipation[] {
  return members.map((member) => {
    const teamSize = facts.teamSizes.get(member.id) ?? 0;
    const scan = facts.latestScans.get(member.id) ?? null;
    const hasStrategy = facts.hasStrategy.has(member.id);
    const hasSharedRoadmap = facts.hasSharedRoadmap.has(member.id);
    const steps: [boolean, ParticipationStep][] = [
      [hasSharedRoadmap, 5],
      [hasStrategy, 4],
      [scan?.status === 'submitted', 3],
      [scan !== null, 2],
      [teamSize > 0, 1],
    ];
    const step = steps.find(([reached]) => reached)?.[1] ?? 0;
    return { member, teamSize, scan, hasStrategy, hasSharedRoadmap, step };
  });
}

/** "2026-3" for a date in July 2026, in the Dutch time zone's calendar (quarters are calendar quarters). */
export function quarterOf(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
  })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${Math.floor((Number(parts.month) - 1) / 3) + 1}`;
}

export interface CaseDays {
  caseId: number;
  organisationId: number;
  category: CaseCategory;
  firmDays: number;
  expertDays: number;
  /** The firm's days counted against the budget: never more than the cap. */
  firmDaysCounted: number;
  isOverCap: boolean;
}

export interface BrigadeDemand {
  byCategory: Map<CaseCategory, number>;
  byMember: Map<number, number>;
  /** Quarter ("2026-3") → count, in time order. */
  byQuarter: [string, number][];
  days: CaseDays[];
  totals: { questions: number; firmDaysCounted: number; expertDays: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function brigadeDemand(cases: CaseFact[]): BrigadeDemand {
  const byCategory = new Map<CaseCategory, number>();
  const byMember = new Map<number, number>();
  const quarters = new Map<string, number>();
  for (const c of cases) {
    byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
    byMember.set(c.organisationId, (byMember.get(c.organisationId) ?? 0) + 1);
    const q = quarterOf(c.createdAt);
    quarters.set(q, (quarters.get(q) ?? 0) + 1);
  }
  const days = cases.map((c) => {
    const firmDays = round2(c.firmHours / hoursPerDay);
    return {
      caseId: c.id,
      organisationId: c.organisationId,
      category: c.category,
      firmDays,
      expertDays: round2(c.expertHours / hoursPerDay),
      firmDaysCounted: Math.min(firmDays, dayBudget),
      isOverCap: firmDays > dayBudget,
    };
  });
  const byQuarter = [...quarters].sort(([a], [b]) => {
    const [ay = 0, aq = 0] = a.split('-').map(Number);
    const [by = 0, bq = 0] = b.split('-').map(Number);
    return ay - by || aq - bq;
  });
  return {
    byCategory,
    byMember,
    byQuarter,
    days,
    totals: {
      questions: cases.length,
      firmDaysCounted: round2(days.reduce((s, d) => s + d.firmDaysCounted, 0)),
      expertDays: round2(days.reduce((s, d) => s + d.expertDays, 0)),
    },
  };
}
