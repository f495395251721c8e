export { groupsOfPeriod, figuresOf, learnFrom } from './benchmark.service.ts';
export { trendOf, type TrendPoint } from './benchmark-trend.ts';
export { type AcrossVersions } from './benchmark-versions.ts';
export { benchmarkGroupLabel, defaultBenchmarkGroup } from './benchmark-choice.ts';
export { benchmarkVersion } from './benchmark.queries.ts';
export { openDataSet, type OpenDataSet, type OpenFigure } from './open-data.service.ts';
export { networkSummaries, participationOf, type NetworkSummary } from './region.queries.ts';
export { minimumGroupSize } from './benchmark-anonymity.ts';
export type { Contribution } from './benchmark-groups.ts';
