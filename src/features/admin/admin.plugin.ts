import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin.routes.ts';

/** Registers the admin slice's routes and jobs; only src/app.ts calls it. */
export function registerAdmin(app: FastifyInstance): void {
  registerAdminRoutes(app);
}
