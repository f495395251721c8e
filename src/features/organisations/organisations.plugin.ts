import type { FastifyInstance } from 'fastify';
import { registerApiTokenRoutes } from './api-tokens.routes.ts';
import { registerOrganisationRoutes } from './organisations.routes.ts';

/** Registers the organisations slice's routes and jobs; only src/app.ts calls it. */
export function registerOrganisations(app: FastifyInstance): void {
  registerOrganisationRoutes(app);
  registerApiTokenRoutes(app);
}
