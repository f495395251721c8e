import type { FastifyInstance } from 'fastify';
import { registerApiTokenRoutes } from './api-tokens.routes.ts';
import { registerOrganisationRoutes } from './organisations.routes.ts';

export function registerOrganisations(app: FastifyInstance): void {
  registerOrganisationRoutes(app);
  registerApiTokenRoutes(app);
}
