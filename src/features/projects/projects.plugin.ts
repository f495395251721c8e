import type { FastifyInstance } from 'fastify';
import { registerProjectRoutes } from './projects.routes.ts';
import { registerMapRoutes } from './map.routes.ts';

/** Registers the projects slice's routes and jobs; only src/app.ts calls it. */
export function registerProjects(app: FastifyInstance): void {
  registerProjectRoutes(app);
  registerMapRoutes(app);
}
