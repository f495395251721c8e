import type { FastifyInstance } from 'fastify';
import { registerBenchmarkApi } from './benchmark.api.ts';
import { registerOpenDataRoutes } from './open-data.routes.ts';
import { registerPopulationRoutes } from './population.routes.ts';
import { registerRegionRoutes } from './region.routes.ts';
import { registerBenchmarkRoutes } from './benchmark.routes.ts';
import { registerSharingRoutes } from '../sharing/index.ts';

export { groupsOfPeriod, figuresOf, learnFrom, trendOf } from './benchmark.service.ts';
export { benchmarkGroupLabel, defaultBenchmarkGroup } from './benchmark.choice.ts';
export { seedDemoBenchmark } from './benchmark.demo.ts';

export function registerBenchmark(app: FastifyInstance): void {
  registerSharingRoutes(app);
  registerBenchmarkRoutes(app);
  registerBenchmarkApi(app);
  registerOpenDataRoutes(app);
  registerRegionRoutes(app);
  registerPopulationRoutes(app);
}
