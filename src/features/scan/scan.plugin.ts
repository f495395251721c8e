import type { FastifyInstance } from 'fastify';
import { registerAnswerRoutes } from './answer.routes.ts';
import { registerConsensusRoutes } from './consensus.routes.ts';
import { registerResultRoutes } from './results.routes.ts';
import { registerScanApi } from './scan-api.routes.ts';
import { registerScanRoutes } from './scan.routes.ts';

/** Registers the scan slice's routes and jobs; only src/app.ts calls it. */
export function registerScan(app: FastifyInstance): void {
  registerScanRoutes(app);
  registerAnswerRoutes(app);
  registerConsensusRoutes(app);
  registerResultRoutes(app);
  registerScanApi(app);
}
