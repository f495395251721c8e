import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { countMembers } from '../accounts/index.ts';
import { getFramework, type Text } from '../framework/index.ts';
import { scanAnswers, scans } from '../scan/index.ts';
import { getActiveStrategy, quarterIndex, type Quarter } from '../strategy/index.ts';

/** What the dashboard reads of an organisation to say what to do next. */
export interface DashboardState {
  memberCount: number;
  hasSubmittedScan: boolean;
  /** The scan being filled in, with how far the signed-in user is. */
  openScan: { id: number; title: string; answered: number; questions: number } | undefined;
  strategy:
    { overdue: { id: number; title: string; end: Quarter }[]; pillarsWithoutActions: Text[] } | undefined;
}

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
  const [mine] = await db
    .select({ n: count() })
    .from(scanAnswers)
    .where(and(eq(scanAnswers.scanId, open.id), eq(scanAnswers.userId, userId)));
  const framework = getFramework(open.version);
  const questions = framework.themes.reduce((n, theme) => n + theme.questions.length, 0);
  return {
    hasSubmittedScan,
    openScan: { id: open.id, title: open.title, answered: mine?.n ?? 0, questions },
  };
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
  const [memberCount, scan, strategy] = await Promise.all([
    countMembers(db, organisationId),
    scanState(db, organisationId, userId),
    strategyState(db, organisationId, today),
  ]);
  return { memberCount, ...scan, strategy };
}
