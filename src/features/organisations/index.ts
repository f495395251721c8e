import type { FastifyInstance } from 'fastify';
import { registerOrganisationRoutes } from './organisations.routes.ts';

export function registerOrganisations(app: FastifyInstance): void {
  registerOrganisationRoutes(app);
}
