export { groupsOfPeriod, figuresOf, learnFrom, trendOf } from './benchmark.service.ts';
export { benchmarkGroupLabel, defaultBenchmarkGroup } from './benchmark-choice.ts';
export { benchmarkVersion } from './benchmark.queries.ts';
