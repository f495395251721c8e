import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { AppServices } from '../../core/http/context.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { countMembers } from '../accounts/index.ts';
import { getFramework, type Text } from '../framework/index.ts';
import { casesToFollow } from '../intake/index.ts';
import { addMonths, contractsEndingBetween } from '../registries/index.ts';
import { lowConnectivityOf, openScanProgress, scans } from '../scan/index.ts';
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

/** The organisation's scans: whether one was submitted, and the one being filled in (no one's progress yet). */
async function scanState(db: Db, organisationId: number) {
  const rows = await db
    .select({ id: scans.id, title: scans.title, status: scans.status, version: scans.frameworkVersion })
    .from(scans)
    .where(eq(scans.organisationId, organisationId))
    .orderBy(desc(scans.createdAt), desc(scans.id));
  const open = rows.find((r) => r.status === 'draft');
  const hasSubmittedScan = rows.some((r) => r.status === 'submitted');
  if (!open) return { hasSubmittedScan, openScan: undefined };
  const framework = getFramework(open.version);
  const questions = framework.themes.reduce((n, theme) => n + theme.questions.length, 0);
  return { hasSubmittedScan, openScan: { id: open.id, title: open.title, questions } };
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

/** What the dashboard shows of the organisation's own data, the same for each of its members. */
export type OrganisationState = Omit<DashboardState, 'openScan'> & {
  openScan: { id: number; title: string; questions: number } | undefined;
  /** Whether the latest submitted scan answered connectivity questions low (the Brigade is worth offering). */
  hasLowConnectivity: boolean;
};

/** The organisation's state for the dashboard: the reads run side by side, not one after another. */
export async function loadOrganisationState(
  db: Db,
  organisationId: number,
  today = new Date(),
): Promise<OrganisationState> {
  const day = isoDayInAmsterdam(today);
  const closedSince = new Date(today.getTime() - recentlyClosedDays * 24 * 60 * 60 * 1000);
  const [memberCount, scan, strategy, endingContracts, sessions, brigadeCases, lowConnectivity] =
    await Promise.all([
      countMembers(db, organisationId),
      scanState(db, organisationId),
      strategyState(db, organisationId, today),
      contractsEndingBetween(db, organisationId, day, addMonths(day, 12)),
      sessionsSignedUpFor(db, organisationId, today),
      casesToFollow(db, organisationId, closedSince),
      lowConnectivityOf(db, organisationId),
    ]);
  return {
    memberCount,
    ...scan,
    strategy,
    endingContracts,
    sessions,
    brigadeCases,
    hasLowConnectivity: lowConnectivity !== null,
  };
}

/**
 * The dashboard's state: the organisation's part, and this user's progress in its open scan, each
 * from memory while no change to the organisation's data was notified (decision 0027).
 */
export async function loadDashboardState(
  db: Db,
  kept: AppServices['organisationData'],
  organisationId: number,
  userId: number,
): Promise<DashboardState & { hasLowConnectivity: boolean }> {
  const state = await kept.get(organisationId, 'dashboard', () => loadOrganisationState(db, organisationId));
  const open = state.openScan;
  if (!open) return { ...state, openScan: undefined };
  const progress = await kept.get(organisationId, `scan-progress:${open.id}:${userId}`, () =>
    openScanProgress(db, open.id, userId),
  );
  return { ...state, openScan: { ...open, ...progress } };
}
