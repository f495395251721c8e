import type { FastifyInstance } from 'fastify';
import { registerCaseRoutes } from './case.routes.ts';
import { registerCoordinatorRoutes } from './coordinator.routes.ts';
import { registerIntakeJobs } from './intake.jobs.ts';
import { registerMunicipalityRoutes } from './municipality.routes.ts';
import { registerPublicRoutes } from './public.routes.ts';

export { seedDemoIntake } from './intake.demo.ts';
export { intakeHomeLinks } from './home.links.ts';
export { outcomeMarkdown } from './outcome.export.ts';
export { removeExpiredPersonalData } from './privacy.service.ts';

export function registerIntake(app: FastifyInstance): void {
  registerPublicRoutes(app);
  registerCoordinatorRoutes(app);
  registerCaseRoutes(app);
  registerMunicipalityRoutes(app);
  registerIntakeJobs(app);
}
