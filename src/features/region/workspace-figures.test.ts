import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  brigadeDemand,
  participationOfMembers,
  quarterOf,
  sessionsNeedingAttention,
  unassignedNewCases,
} from './workspace-figures.ts';
import { handComputedRegion } from './region.fixtures.ts';

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const region = handComputedRegion;

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
