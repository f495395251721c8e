import { and, asc, count, desc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { scanAnswers, scanConsensus, scanRespondents, scans, scanScores } from './scan.tables.ts';

export type ScanRow = typeof scans.$inferSelect;
export type AnswerRow = typeof scanAnswers.$inferSelect;
export type ConsensusRow = typeof scanConsensus.$inferSelect;

/** Only ever finds a scan of the given organisation: another municipality's id answers nothing. */
export async function findScan(db: Db, organisationId: number, scanId: number): Promise<ScanRow | undefined> {
  const [scan] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.id, scanId), eq(scans.organisationId, organisationId)));
  return scan;
}

export async function lockScan(tx: Db, scanId: number): Promise<ScanRow | undefined> {
  const [scan] = await tx.select().from(scans).where(eq(scans.id, scanId)).for('update');
  return scan;
}

export async function listScans(db: Db, organisationId: number) {
  return db
    .select({
      id: scans.id,
      title: scans.title,
      period: scans.period,
      status: scans.status,
      frameworkVersion: scans.frameworkVersion,
      createdAt: scans.createdAt,
      submittedAt: scans.submittedAt,
      respondents: sql<number>`(select count(*)::int from ${scanRespondents} where ${scanRespondents.scanId} = ${scans.id})`,
    })
    .from(scans)
    .where(eq(scans.organisationId, organisationId))
    .orderBy(desc(scans.period), desc(scans.id));
}

export async function listRespondents(db: Db, scanId: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(scanRespondents)
    .innerJoin(users, eq(users.id, scanRespondents.userId))
    .where(eq(scanRespondents.scanId, scanId))
    .orderBy(asc(users.name));
}

export async function isRespondent(db: Db, scanId: number, userId: number): Promise<boolean> {
  const rows = await db
    .select({ userId: scanRespondents.userId })
    .from(scanRespondents)
    .where(and(eq(scanRespondents.scanId, scanId), eq(scanRespondents.userId, userId)));
  return rows.length > 0;
}

export async function memberIds(db: Db, organisationId: number, userIds: number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds)));
  return rows.map((r) => r.userId);
}

export async function answersOf(db: Db, scanId: number, userId?: number): Promise<AnswerRow[]> {
  const condition =
    userId === undefined
      ? eq(scanAnswers.scanId, scanId)
      : and(eq(scanAnswers.scanId, scanId), eq(scanAnswers.userId, userId));
  return db.select().from(scanAnswers).where(condition);
}

export async function consensusOf(db: Db, scanId: number): Promise<ConsensusRow[]> {
  return db.select().from(scanConsensus).where(eq(scanConsensus.scanId, scanId));
}

export type StoredScore = typeof scanScores.$inferSelect;

/**
 * The scores stored when scans were submitted (none for a draft): what results, benchmarks and
 * documents report, so that nobody recomputes a submitted scan from its answers. Many ids go as
 * one array parameter, not one parameter each.
 */
export async function storedScores(db: Db, scanIds: number | readonly number[]): Promise<StoredScore[]> {
  const ids = (typeof scanIds === 'number' ? [scanIds] : scanIds).filter(Number.isSafeInteger);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(scanScores)
    .where(sql`${scanScores.scanId} = any(${`{${ids.join(',')}}`}::int[])`);
}

/** How many respondents were invited to a scan. */
export async function respondentCountOf(db: Db, scanId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(scanRespondents)
    .where(eq(scanRespondents.scanId, scanId));
  return row?.n ?? 0;
}

/** The organisation's submitted scan before this one (by period, then submission), for the change. */
export async function previousSubmittedScan(db: Db, scan: ScanRow): Promise<ScanRow | undefined> {
  const [previous] = await db
    .select()
    .from(scans)
    .where(
      and(
        eq(scans.organisationId, scan.organisationId),
        eq(scans.status, 'submitted'),
        ne(scans.id, scan.id),
        sql`(${scans.period} < ${scan.period} or (${scans.period} = ${scan.period} and ${scans.id} < ${scan.id}))`,
      ),
    )
    .orderBy(desc(scans.period), desc(scans.id))
    .limit(1);
  return previous;
}

/**
 * How far an open scan is, for the dashboard: the questions the user answered, and the questions
 * where respondents are two levels or more apart without an agreed answer. Two statements, run
 * side by side; the disagreements are counted in the database, not by loading every answer.
 */
export async function openScanProgress(
  db: Db,
  scanId: number,
  userId: number,
): Promise<{ answered: number; disagreements: number }> {
  const agreed = db
    .select({ one: sql`1` })
    .from(scanConsensus)
    .where(
      and(eq(scanConsensus.scanId, scanAnswers.scanId), eq(scanConsensus.questionId, scanAnswers.questionId)),
    );
  const apart = db
    .select({ questionId: scanAnswers.questionId })
    .from(scanAnswers)
    .where(and(eq(scanAnswers.scanId, scanId), eq(scanAnswers.response, 'level'), notExists(agreed)))
    .groupBy(scanAnswers.questionId)
    .having(sql`max(${scanAnswers.currentLevel}) - min(${scanAnswers.currentLevel}) >= 2`)
    .as('apart');
  const [[mine], [open]] = await Promise.all([
    db
      .select({ n: count() })
      .from(scanAnswers)
      .where(and(eq(scanAnswers.scanId, scanId), eq(scanAnswers.userId, userId))),
    db.select({ n: count() }).from(apart),
  ]);
  return { answered: mine?.n ?? 0, disagreements: open?.n ?? 0 };
}
