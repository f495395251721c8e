import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  brigadeDemand,
  participationOfMembers,
  quarterOf,
  sessionsNeedingAttention,
  unassignedNewCases,
} from './workspace-figures.ts';
import type { CaseFact } from './workspace.queries.ts';

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

function question(id: number, o: Partial<CaseFact>): CaseFact {
  return {
    id,
    organisationId: 1,
    category: 'fibre',
    status: 'in_progress',
    isAssigned: true,
    isFromScan: false,
    createdAt: day('2026-01-15'),
    firmHours: 0,
    expertHours: 0,
    ...o,
  };
}

/**
 * A hand-computed region: five questions from two members.
 *   #1 member 1, fibre,   2026-01-15, firm 96 h (12 days: capped at 10), experts 16 h (2 days)
 *   #2 member 1, antenna, 2026-02-20, firm 40 h (5 days), experts 0
 *   #3 member 2, fibre,   2026-04-01, firm 0, experts 12 h (1,5 days); new, unassigned
 *   #4 member 2, risks,   2026-09-30, firm 80 h (10 days: exactly the cap); new, assigned
 *   #5 member 2, fibre,   2026-12-31 23:30 UTC (1 January 2027 in Amsterdam); new, unassigned
 * By category: fibre 3, antenna 1, risks 1. By member: 1 → 2, 2 → 3.
 * By quarter: 2026-1 → 2, 2026-2 → 1, 2026-3 → 1, 2027-1 → 1.
 * Firm days counted: 10 + 5 + 0 + 10 + 0 = 25; expert days: 2 + 0 + 1,5 + 0 + 0 = 3,5.
 */
const region: CaseFact[] = [
  question(1, { organisationId: 1, firmHours: 96, expertHours: 16 }),
  question(2, { organisationId: 1, category: 'antenna', createdAt: day('2026-02-20'), firmHours: 40 }),
  question(3, {
    organisationId: 2,
    createdAt: day('2026-04-01'),
    expertHours: 12,
    status: 'new',
    isAssigned: false,
  }),
  question(4, {
    organisationId: 2,
    category: 'risks',
    createdAt: day('2026-09-30'),
    firmHours: 80,
    status: 'new',
  }),
  question(5, {
    organisationId: 2,
    createdAt: new Date('2026-12-31T23:30:00Z'),
    status: 'new',
    isAssigned: false,
  }),
];

describe('the workspace figures of a hand-computed region', () => {
  it('counts the Brigade questions per category, member and quarter', () => {
    const demand = brigadeDemand(region);
    assert.deepEqual(Object.fromEntries(demand.byCategory), { fibre: 3, antenna: 1, risks: 1 });
    assert.deepEqual(Object.fromEntries(demand.byMember), { 1: 2, 2: 3 });
    assert.deepEqual(demand.byQuarter, [
      ['2026-1', 2],
      ['2026-2', 1],
      ['2026-3', 1],
      ['2027-1', 1],
    ]);
  });

  it("caps only the advisory firm's days at ten per question and keeps the experts' apart", () => {
    const demand = brigadeDemand(region);
    const first = demand.days.find((d) => d.caseId === 1);
    assert.deepEqual(
      {
        firm: first?.firmDays,
        counted: first?.firmDaysCounted,
        over: first?.isOverCap,
        experts: first?.expertDays,
      },
      { firm: 12, counted: 10, over: true, experts: 2 },
    );
    assert.equal(
      demand.days.find((d) => d.caseId === 4)?.isOverCap,
      false,
      'exactly ten days is within the cap',
    );
    assert.deepEqual(demand.totals, { questions: 5, firmDaysCounted: 25, expertDays: 3.5 });
  });

  it('lists the new questions nobody has taken, the longest waiting first', () => {
    assert.deepEqual(
      unassignedNewCases(region).map((c) => c.id),
      [3, 5],
    );
  });

  it('reads quarters in the Dutch calendar', () => {
    assert.equal(quarterOf(new Date('2026-03-31T22:30:00Z')), '2026-2', '1 April 00:30 in Amsterdam');
    assert.equal(quarterOf(new Date('2026-03-31T21:30:00Z')), '2026-1');
  });

  it('picks the sessions that are full or start within two weeks, soonest first', () => {
    const now = day('2026-06-01');
    const sessions = [
      { id: 1, startsAt: day('2026-06-10'), capacity: 30, confirmed: 3 },
      { id: 2, startsAt: day('2026-09-01'), capacity: 10, confirmed: 10 },
      { id: 3, startsAt: day('2026-07-01'), capacity: 10, confirmed: 9 },
      { id: 4, startsAt: day('2026-05-20'), capacity: 10, confirmed: 10 },
      { id: 5, startsAt: day('2026-06-16'), capacity: 20, confirmed: 1 },
    ];
    assert.deepEqual(
      sessionsNeedingAttention(sessions, now).map((s) => s.id),
      [1, 2],
      'within 14 days (10 June), full (1 September); neither the past nor 16 June (fifteen days ahead)',
    );
  });

  it('gives each member the furthest step it has taken', () => {
    const members = [1, 2, 3, 4, 5].map((id) => ({ id, code: `GM000${id}`, name: `Gemeente ${id}` }));
    const steps = participationOfMembers(members, {
      teamSizes: new Map([
        [1, 2],
        [2, 1],
        [3, 4],
      ]),
      latestScans: new Map([
        [2, { period: 2026, status: 'draft' }],
        [3, { period: 2025, status: 'submitted' }],
      ]),
      hasStrategy: new Set([4]),
      hasSharedRoadmap: new Set([3]),
    }).map((p) => p.step);
    assert.deepEqual(steps, [1, 2, 5, 4, 0]);
  });
});
