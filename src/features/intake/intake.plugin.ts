import type { FastifyInstance } from 'fastify';
import { registerBrigadeApi } from './brigade-api.routes.ts';
import { registerCaseRoutes } from './case.routes.ts';
import { registerCoordinatorRoutes } from './coordinator.routes.ts';
import { registerIntakeJobs } from './intake.jobs.ts';
import { registerMunicipalityRoutes } from './municipality.routes.ts';
import { registerPublicRoutes } from './public.routes.ts';

/** Registers the intake slice's routes and jobs; only src/app.ts calls it. */
export function registerIntake(app: FastifyInstance): void {
  registerPublicRoutes(app);
  registerCoordinatorRoutes(app);
  registerCaseRoutes(app);
  registerMunicipalityRoutes(app);
  registerBrigadeApi(app);
  registerIntakeJobs(app);
}
