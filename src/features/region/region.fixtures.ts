import { eq } from 'drizzle-orm';
import { networks } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { organisationId } from '../../testing/factories.ts';
import { insertScan, setSharing } from '../benchmark/benchmark.fixtures.ts';
import { advisoryDays, brigadeCases } from '../intake/index.ts';
import { knowledgeSessions } from '../sessions/index.ts';
import type { CaseFact } from './workspace.queries.ts';

/** Shared by the workspace's and the region report's tests: one hand-computed region each. */
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
export const handComputedRegion: CaseFact[] = [
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

/**
 * MRDH in 2026: Rotterdam (2,5) and Delft (3,25) share by name; eight members share only in the
 * aggregate, each with a score no figure of the group can equal (1,37 … 4,61). Sorted, the ten
 * scores give median (2,77 + 3,25) / 2 = 3,01, first quartile 2,41 + 0,25 × 0,09 = 2,43 and third
 * quartile 3,29 + 0,75 × 0,32 = 3,53 (PostgreSQL's percentile_cont), on every pillar.
 * 2025: Rotterdam by name and four in the aggregate: four hidden members are fewer than five, so
 * subtracting Rotterdam's score would narrow them down; the benchmark withholds 2025.
 */
export const hidden2026: Record<string, number> = {
  GM0518: 1.37,
  GM0637: 1.93,
  GM1783: 2.41,
  GM0606: 2.77,
  GM0489: 3.29,
  GM0502: 3.61,
  GM0542: 4.13,
  GM0556: 4.61,
};
export const hidden2025: Record<string, number> = { GM0597: 1.59, GM0603: 2.23, GM0613: 3.47, GM0622: 3.83 };

/** A score as the pages and documents write it in Dutch: "1,37". */
export const formatted = (n: number) => n.toFixed(2).replace('.', ',');

export async function mrdhMaturity(db: Db) {
  await insertScan(db, { code: 'GM0599', period: 2026, overall: 2.5 });
  await insertScan(db, { code: 'GM0503', period: 2026, overall: 3.25 });
  for (const [code, overall] of Object.entries(hidden2026))
    await insertScan(db, { code, period: 2026, overall });
  await insertScan(db, { code: 'GM0599', period: 2025, overall: 2 });
  for (const [code, overall] of Object.entries(hidden2025))
    await insertScan(db, { code, period: 2025, overall });
  await insertScan(db, { code: 'GM1621', period: 2026, overall: 1, status: 'draft' });
  await setSharing(db, 'GM0599', 'named');
  await setSharing(db, 'GM0503', 'named');
}

/**
 * Two Rotterdam questions: one new and waiting three days, one in progress from the scan with 96 hours
 * of the firm (12 days, capped at 10) and 12 of an expert (1,5 days); and an MRDH session in five days.
 */
export async function mrdhBrigade(db: Db) {
  const rotterdam = await organisationId(db, 'GM0599');
  const question = {
    contactName: 'Contact',
    contactEmail: 'contact@rotterdam.example',
    description: 'Vraag',
    urgency: 'normal' as const,
    contactPreference: 'email' as const,
    organisationId: rotterdam,
  };
  const [waiting] = await db
    .insert(brigadeCases)
    .values({ ...question, category: 'antenna', createdAt: new Date(Date.now() - 3 * 86_400_000) })
    .returning({ id: brigadeCases.id });
  const [worked] = await db
    .insert(brigadeCases)
    .values({ ...question, category: 'fibre', status: 'in_progress', sourceScanId: 1 })
    .returning({ id: brigadeCases.id });
  if (!waiting || !worked) throw new Error('cases not created');
  const log = { caseId: worked.id, workDate: '2026-10-01', description: 'Werk' };
  await db.insert(advisoryDays).values([
    { ...log, person: 'Bureau', party: 'firm', hours: 96 },
    { ...log, person: 'Expert', party: 'expert', hours: 12 },
  ]);
  const [mrdh] = await db.select({ id: networks.id }).from(networks).where(eq(networks.code, 'mrdh'));
  if (!mrdh) throw new Error('no MRDH network');
  await db.insert(knowledgeSessions).values({
    networkId: mrdh.id,
    title: 'Sessie over sensoren',
    startsAt: new Date(Date.now() + 5 * 86_400_000),
    endsAt: new Date(Date.now() + 5 * 86_400_000 + 7_200_000),
    capacity: 20,
  });
  return { waiting: waiting.id, worked: worked.id };
}
