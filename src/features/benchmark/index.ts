import type { FastifyInstance } from 'fastify';

export { groupsOfPeriod, figuresOf, learnFrom, trendOf } from './benchmark.service.ts';
export { sharingModeOf } from './benchmark.queries.ts';

export function registerBenchmark(app: FastifyInstance): void {
  void app;
}
