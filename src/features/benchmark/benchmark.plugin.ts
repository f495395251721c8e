import type { FastifyInstance } from 'fastify';
import { registerBenchmarkApi } from './benchmark-api.routes.ts';
import { registerOpenDataRoutes } from './open-data.routes.ts';
import { registerPopulationRoutes } from './population.routes.ts';
import { registerRegionRoutes } from './region.routes.ts';
import { registerBenchmarkRoutes } from './benchmark.routes.ts';

/** Registers the benchmark slice's routes and jobs; only src/app.ts calls it. */
export function registerBenchmark(app: FastifyInstance): void {
  registerBenchmarkRoutes(app);
  registerBenchmarkApi(app);
  registerOpenDataRoutes(app);
  registerRegionRoutes(app);
  registerPopulationRoutes(app);
}
