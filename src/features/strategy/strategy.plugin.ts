import type { FastifyInstance } from 'fastify';
import { registerActionApi } from './action-api.routes.ts';
import { registerActionRoutes } from './action.routes.ts';
import { registerBulkRoutes } from './bulk.routes.ts';
import { registerRoadmapApi } from './roadmap-api.routes.ts';
import { registerStrategyApi } from './strategy-api.routes.ts';
import { registerStrategyRoadmapRoutes } from './strategy-roadmap.routes.ts';
import { registerStrategyRoutes } from './strategy.routes.ts';

/** Registers the strategy slice's routes and jobs; only src/app.ts calls it. */
export function registerStrategy(app: FastifyInstance): void {
  registerStrategyRoutes(app);
  registerBulkRoutes(app);
  registerActionRoutes(app);
  // The roadmap draws a strategy: its pages belong to the strategy, the drawing to the roadmap.
  registerStrategyRoadmapRoutes(app);
  registerStrategyApi(app);
  registerActionApi(app);
  registerRoadmapApi(app);
}
