import type { FastifyInstance } from 'fastify';
import { registerAnswerRoutes } from './answer.routes.ts';
import { registerConsensusRoutes } from './consensus.routes.ts';
import { registerResultRoutes } from './results.routes.ts';
import { registerScanApi } from './scan.api.ts';
import { registerScanRoutes } from './scan.routes.ts';

export { computeResults, type Results, type Score } from './scan.scoring.ts';
export { findScan, respondentCountOf, storedScores, type ScanRow, type StoredScore } from './scan.queries.ts';
export { resultsOf } from './scan.results.ts';
export { latestSubmittedScan, latestSubmittedThemeScores, type LatestThemeScores } from './scan.latest.ts';
export { demoScans, seedDemoScan, seedDemoScans } from './scan.demo.ts';
export {
  demoFrameworkVersion,
  generatedAnswers,
  pick,
  seedFor,
  seededRandom,
  shifted,
  withNote,
  type DemoScan,
} from './scan.demo-answers.ts';

export function registerScan(app: FastifyInstance): void {
  registerScanRoutes(app);
  registerAnswerRoutes(app);
  registerConsensusRoutes(app);
  registerResultRoutes(app);
  registerScanApi(app);
}
