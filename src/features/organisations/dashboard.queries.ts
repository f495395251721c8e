import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { countMembers } from '../accounts/index.ts';
import { getFramework, type Text } from '../framework/index.ts';
import { casesToFollow } from '../intake/index.ts';
import { addMonths, contractsEndingBetween } from '../registries/index.ts';
import { openScanProgress, scans } from '../scan/index.ts';
import { sessionsSignedUpFor } from '../sessions/index.ts';
import { getActiveStrategy, quarterIndex, type Quarter } from '../strategy/index.ts';

/** What the dashboard reads of an organisation to say what to do next. */
export interface DashboardState {
  memberCount: number;
  hasSubmittedScan: boolean;
  /** The scan being filled in, with how far the signed-in user is and the team's open disagreements. */
  openScan:
    { id: number; title: string; answered: number; questions: number; disagreements: number } | undefined;
  strategy:
    { overdue: { id: number; title: string; end: Quarter }[]; pillarsWithoutActions: Text[] } | undefined;
  /** Supplier contracts that end within a year, soonest first. */
  endingContracts: { id: number; name: string; endDate: string }[];
  /** Coming knowledge sessions colleagues signed up for. */
  sessions: Awaited<ReturnType<typeof sessionsSignedUpFor>>;
  /** Brigade questions still being handled, or closed in the last three months. */
  brigadeCases: Awaited<ReturnType<typeof casesToFollow>>;
}

const recentlyClosedDays = 90;

function quarterOf(date: Date): Quarter {
  return {
    year: date.getUTCFullYear(),
    quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['quarter'],
  };
}

async function scanState(db: Db, organisationId: number, userId: number) {
  const rows = await db
    .select({ id: scans.id, title: scans.title, status: scans.status, version: scans.frameworkVersion })
    .from(scans)
    .where(eq(scans.organisationId, organisationId))
    .orderBy(desc(scans.createdAt), desc(scans.id));
  const open = rows.find((r) => r.status === 'draft');
  const hasSubmittedScan = rows.some((r) => r.status === 'submitted');
  if (!open) return { hasSubmittedScan, openScan: undefined };
  const progress = await openScanProgress(db, open.id, userId);
  const framework = getFramework(open.version);
  const questions = framework.themes.reduce((n, theme) => n + theme.questions.length, 0);
  return { hasSubmittedScan, openScan: { id: open.id, title: open.title, questions, ...progress } };
}

async function strategyState(db: Db, organisationId: number, today: Date) {
  const strategy = await getActiveStrategy(db, organisationId);
  if (!strategy) return undefined;
  const now = quarterIndex(quarterOf(today));
  const overdue = strategy.actions
    .filter((a) => quarterIndex(a.end) < now && !['done', 'stopped'].includes(a.status))
    .map((a) => ({ id: a.id, title: a.title, end: a.end }));
  const covered = new Set<string>(strategy.actions.map((a) => a.pillar));
  const pillars = getFramework(strategy.frameworkVersion).pillars;
  return { overdue, pillarsWithoutActions: pillars.filter((p) => !covered.has(p.id)).map((p) => p.title) };
}

/** The organisation's state for the dashboard: the reads run side by side, not one after another. */
export async function loadDashboardState(
  db: Db,
  organisationId: number,
  userId: number,
  today = new Date(),
): Promise<DashboardState> {
  const day = isoDayInAmsterdam(today);
  const closedSince = new Date(today.getTime() - recentlyClosedDays * 24 * 60 * 60 * 1000);
  const [memberCount, scan, strategy, endingContracts, sessions, brigadeCases] = await Promise.all([
    countMembers(db, organisationId),
    scanState(db, organisationId, userId),
    strategyState(db, organisationId, today),
    contractsEndingBetween(db, organisationId, day, addMonths(day, 12)),
    sessionsSignedUpFor(db, organisationId, today),
    casesToFollow(db, organisationId, closedSince),
  ]);
  return { memberCount, ...scan, strategy, endingContracts, sessions, brigadeCases };
}
