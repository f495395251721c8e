export { groupsOfPeriod, figuresOf, learnFrom, trendOf } from './benchmark.service.ts';
export { sharingModeOf, sharingModesOf } from './benchmark.queries.ts';
export { sharingSettings } from './benchmark.tables.ts';
