import type { FastifyInstance } from 'fastify';
import { registerPageRoutes } from './pages.routes.ts';

/** Registers the pages slice's routes and jobs; only src/app.ts calls it. */
export function registerPages(app: FastifyInstance): void {
  registerPageRoutes(app);
}
