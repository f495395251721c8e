import type { FastifyInstance } from 'fastify';
import { registerKnowledgeLanding } from './knowledge.routes.ts';
import { registerPracticeReadRoutes } from './practices.read.routes.ts';
import { registerPracticeRoutes } from './practices.routes.ts';
import { registerSearchRoutes } from './search.routes.ts';
import { registerSessionRoutes } from './sessions.routes.ts';
import { registerMapRoutes } from './map.routes.ts';
import { registerProjectRoutes } from './projects.routes.ts';
import { registerOpportunityRoutes } from './opportunities.routes.ts';

export { practicesOnThemeLabel, practicesOnThemeUrl } from './practices.labels.ts';
export { seedDemoPractices } from './practices.demo.ts';
export { opportunitiesSection, organisationOpportunities } from './opportunities.routes.ts';
export { seedDemoSessions } from './sessions.demo.ts';
export { seedDemoProjects } from './projects.demo.ts';

export function registerKnowledge(app: FastifyInstance): void {
  registerKnowledgeLanding(app);
  registerSearchRoutes(app);
  registerPracticeReadRoutes(app);
  registerPracticeRoutes(app);
  // Knowledge sessions, the project map and collaboration opportunities register here.
  registerSessionRoutes(app);
  registerProjectRoutes(app);
  registerMapRoutes(app);
  registerOpportunityRoutes(app);
}
