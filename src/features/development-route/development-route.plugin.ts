import type { FastifyInstance } from 'fastify';
import { registerDevelopmentRouteRoutes } from './development-route.routes.ts';

/** Registers the development route's pages; only src/app.ts calls it. */
export function registerDevelopmentRoute(app: FastifyInstance): void {
  registerDevelopmentRouteRoutes(app);
}
