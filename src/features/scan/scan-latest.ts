import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { storedScores, type ScanRow } from './scan.queries.ts';
import { scans } from './scan.tables.ts';

/**
 * An organisation's latest submitted scan: the newest period, then the latest submission. The one
 * answer to "which scan do we report on" for the strategy, its documents and its guards.
 */
export async function latestSubmittedScan(db: Db, organisationId: number): Promise<ScanRow | undefined> {
  const [scan] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, 'submitted')))
    .orderBy(desc(scans.period), desc(scans.submittedAt), desc(scans.id))
    .limit(1);
  return scan;
}

export interface LatestThemeScores {
  scanId: number;
  period: number;
  frameworkVersion: string;
  /** Theme id → stored score and target (null where the scan has none). */
  themes: Map<string, { score: number | null; target: number | null }>;
}

/**
 * The stored theme scores and targets of the latest submitted scan, for features that build on the
 * scan (the strategy's suggestions and guards).
 */
export async function latestSubmittedThemeScores(
  db: Db,
  organisationId: number,
): Promise<LatestThemeScores | null> {
  const scan = await latestSubmittedScan(db, organisationId);
  if (!scan) return null;
  const rows = (await storedScores(db, scan.id)).filter((r) => r.kind === 'theme');
  return {
    scanId: scan.id,
    period: scan.period,
    frameworkVersion: scan.frameworkVersion,
    themes: new Map(rows.map((r) => [r.key, { score: r.score, target: r.target }])),
  };
}
