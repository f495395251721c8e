import type { FastifyInstance } from 'fastify';
import { registerSessionRoutes } from './sessions.routes.ts';

/** Registers the sessions slice's routes and jobs; only src/app.ts calls it. */
export function registerSessions(app: FastifyInstance): void {
  registerSessionRoutes(app);
}
