import type { FastifyInstance } from 'fastify';
import { registerNetworkRoutes } from './registers.network.ts';
import { registerOpenRoutes } from './registers.open.routes.ts';
import { registerRegisterRoutes } from './registers.routes.ts';

export {
  registerFactsForDocument,
  registerFactsForTheme,
  factsHeading,
  type RegisterFacts,
} from './registers.facts.ts';
export { procurementOpportunities, type ProcurementOpportunity } from './registers.network.ts';
export { exitReadiness, exitReadinessRules, riskBand } from './registers.scoring.ts';
export { seedDemoRegisters } from './registers.demo.ts';

export function registerRegisters(app: FastifyInstance): void {
  registerOpenRoutes(app);
  registerRegisterRoutes(app);
  registerNetworkRoutes(app);
}
