import type { FastifyInstance } from 'fastify';
import { registerRoadmapLinkRoutes } from './roadmap-links.routes.ts';

/** Registers the roadmap slice's routes and jobs; only src/app.ts calls it. */
export function registerRoadmap(app: FastifyInstance): void {
  registerRoadmapLinkRoutes(app);
}
