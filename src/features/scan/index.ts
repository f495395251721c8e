export { computeResults, type Results, type Score } from './scan-scoring.ts';
export {
  findScan,
  openScanProgress,
  respondentCountOf,
  storedScores,
  type ScanRow,
  type StoredScore,
} from './scan.queries.ts';
export { resultsOf } from './scan-results.ts';
export { latestSubmittedScan, latestSubmittedThemeScores, type LatestThemeScores } from './scan-latest.ts';
export { scanAnswers, scanRespondents, scans, scanScores } from './scan.tables.ts';
export { connectivityThemeId, lowConnectivityOf, type LowConnectivity } from './scan-connectivity.ts';
export { taskMaturity, type TaskMaturity } from './task-maturity.model.ts';
export { latestTaskMaturity, taskMaturityFor, type TaskMaturityData } from './task-maturity.queries.ts';
export { taskMaturitySection, taskMaturityRows, type TaskMaturityRow } from './task-maturity.views.ts';
export { taskMaturityMessage } from './task-maturity.messages.ts';
export {
  commonBasis,
  comparableScoresOf,
  scoresOnBasis,
  type CommonBasis,
  type ComparableScore,
} from './scan-comparable.ts';
export { saveAnswers, submitScan } from './scan.service.ts';
