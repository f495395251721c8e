import type { Db } from '../../core/db/database.ts';
import { getFramework } from '../framework/index.ts';
import { effectiveAnswers } from './effective-answers.ts';
import { latestSubmittedScan } from './scan-latest.ts';

/** The theme whose questions are the connectivity questions (fibre, 5G, sensor networks). */
export const connectivityThemeId = 'infrastructure-and-sensors';

export interface LowConnectivity {
  scanId: number;
  period: number;
  frameworkVersion: string;
  /** The connectivity questions the scan answered at level 1 or 2, in the framework's order. */
  answers: { questionId: string; level: number }[];
}

/**
 * The latest submitted scan's connectivity questions answered at level 1 or 2, or null when there are
 * none (or no submitted scan): then the Connectiviteit Brigade is worth offering.
 */
export async function lowConnectivityOf(db: Db, organisationId: number): Promise<LowConnectivity | null> {
  const scan = await latestSubmittedScan(db, organisationId);
  if (!scan) return null;
  const theme = getFramework(scan.frameworkVersion).themes.find((t) => t.id === connectivityThemeId);
  if (!theme) return null;
  const answers = await effectiveAnswers(db, scan);
  const low = theme.questions.flatMap((q) => {
    const level = answers.get(q.id)?.currentLevel;
    return typeof level === 'number' && level <= 2 ? [{ questionId: q.id, level }] : [];
  });
  if (low.length === 0) return null;
  return { scanId: scan.id, period: scan.period, frameworkVersion: scan.frameworkVersion, answers: low };
}
