import type { Db } from '../../core/db/database.ts';
import { networkCodesOf } from '../../core/db/networks.ts';
import { getFramework, type Framework } from '../framework/index.ts';
import { latestSubmittedThemeScores } from './scan-latest.ts';
import { taskMaturity, type TaskMaturity } from './task-maturity.model.ts';

/** Maturity per societal task as a page or a document shows it: from one scan, in its framework. */
export interface TaskMaturityData {
  period: number;
  framework: Framework;
  tasks: TaskMaturity[];
}

/** From given theme scores (the results page's own scan), with the organisation's networks. */
export async function taskMaturityFor(
  db: Db,
  organisationId: number,
  frameworkVersion: string,
  period: number,
  themeScores: ReadonlyMap<string, number | null>,
): Promise<TaskMaturityData> {
  const framework = getFramework(frameworkVersion);
  const memberOf = await networkCodesOf(db, organisationId);
  return { period, framework, tasks: taskMaturity(framework, themeScores, memberOf) };
}

/** From the latest submitted scan (the strategy builder and the documents); null without one. */
export async function latestTaskMaturity(db: Db, organisationId: number): Promise<TaskMaturityData | null> {
  const latest = await latestSubmittedThemeScores(db, organisationId);
  if (!latest) return null;
  const scores = new Map([...latest.themes].map(([id, s]) => [id, s.score]));
  return taskMaturityFor(db, organisationId, latest.frameworkVersion, latest.period, scores);
}
