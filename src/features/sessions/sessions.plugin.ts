import type { FastifyInstance } from 'fastify';
import { registerCoordinatorRoutes } from './sessions-coordinator.routes.ts';
import { registerSessionRoutes } from './sessions.routes.ts';
import { registerSessionsApi } from './sessions-api.routes.ts';
import { registerSessionRegistrationsApi } from './sessions-registrations-api.routes.ts';

/** Registers the sessions slice's routes and jobs; only src/app.ts calls it. */
export function registerSessions(app: FastifyInstance): void {
  registerSessionRoutes(app);
  registerCoordinatorRoutes(app);
  registerSessionsApi(app);
  registerSessionRegistrationsApi(app);
}
