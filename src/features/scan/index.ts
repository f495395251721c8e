export { computeResults, type Results, type Score } from './scan-scoring.ts';
export { findScan, type ScanRow } from './scan.queries.ts';
export { resultsOf } from './scan.service.ts';
export { latestSubmittedThemeScores, type LatestThemeScores } from './scan-latest.ts';
export { scanAnswers, scanRespondents, scans, scanScores } from './scan.tables.ts';
