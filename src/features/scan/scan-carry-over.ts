import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { carriedQuestions, getFramework } from '../framework/index.ts';
import { effectiveAnswers } from './effective-answers.ts';
import type { ScanRow } from './scan.queries.ts';
import { scans } from './scan.tables.ts';

/**
 * Carry-over: a scan on a new framework version offers, for each question the mapping keeps (same or
 * reworded), the answer the organisation's last submitted scan on the previous version counted. The
 * answer page shows it filled in and marked for review; it becomes the respondent's own answer only
 * when they save the page, so nothing is written until someone has looked at it.
 */
export interface CarriedAnswer {
  response: 'level' | 'unknown' | 'not-applicable';
  currentLevel: number | null;
  targetLevel: number | null;
  /** The scan it comes from. */
  from: Pick<ScanRow, 'id' | 'title' | 'period' | 'frameworkVersion'>;
  /** The question is asked in other words than before: all the more reason to check the answer. */
  reworded: boolean;
}

/** The organisation's last submitted scan on a version, the newest period first. */
async function lastSubmittedOn(
  db: Db,
  organisationId: number,
  version: string,
): Promise<ScanRow | undefined> {
  const [scan] = await db
    .select()
    .from(scans)
    .where(
      and(
        eq(scans.organisationId, organisationId),
        eq(scans.status, 'submitted'),
        eq(scans.frameworkVersion, version),
      ),
    )
    .orderBy(desc(scans.period), desc(scans.submittedAt), desc(scans.id))
    .limit(1);
  return scan;
}

/** Per question of the scan's version: the answer carried over from the previous version, if any. */
export async function carriedAnswers(db: Db, scan: ScanRow): Promise<Map<string, CarriedAnswer>> {
  const mapping = getFramework(scan.frameworkVersion).mapping;
  if (!mapping || scan.status !== 'draft') return new Map();
  const before = await lastSubmittedOn(db, scan.organisationId, mapping.from);
  if (!before) return new Map();
  const answers = await effectiveAnswers(db, before);
  const from = {
    id: before.id,
    title: before.title,
    period: before.period,
    frameworkVersion: before.frameworkVersion,
  };
  const carried = new Map<string, CarriedAnswer>();
  for (const [questionId, { from: earlier, reworded }] of carriedQuestions(mapping)) {
    const answer = answers.get(earlier);
    if (answer) carried.set(questionId, { ...answer, from, reworded });
  }
  return carried;
}
