import type { FastifyInstance } from 'fastify';
import { registerOpportunityRoutes } from './opportunities.routes.ts';

/** Registers the opportunities slice's routes and jobs; only src/app.ts calls it. */
export function registerOpportunities(app: FastifyInstance): void {
  registerOpportunityRoutes(app);
}
