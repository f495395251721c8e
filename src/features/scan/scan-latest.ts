import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { scans, scanScores } from './scan.tables.ts';

export interface LatestThemeScores {
  scanId: number;
  period: number;
  frameworkVersion: string;
  /** Theme id → stored score and target (null where the scan has none). */
  themes: Map<string, { score: number | null; target: number | null }>;
}

/**
 * The theme scores and targets of an organisation's latest submitted scan (newest period, then the
 * latest submission), for features that build on the scan (the strategy's suggestions and guards).
 */
export async function latestSubmittedThemeScores(
  db: Db,
  organisationId: number,
): Promise<LatestThemeScores | null> {
  const [scan] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, 'submitted')))
    .orderBy(desc(scans.period), desc(scans.submittedAt), desc(scans.id))
    .limit(1);
  if (!scan) return null;
  const rows = await db
    .select()
    .from(scanScores)
    .where(and(eq(scanScores.scanId, scan.id), eq(scanScores.kind, 'theme')));
  return {
    scanId: scan.id,
    period: scan.period,
    frameworkVersion: scan.frameworkVersion,
    themes: new Map(rows.map((r) => [r.key, { score: r.score, target: r.target }])),
  };
}
