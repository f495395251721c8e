import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './accounts.routes.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { registerSecondFactorRoutes } from './second-factor.routes.ts';

/** Registers the accounts slice's routes and jobs; only src/app.ts calls it. */
export function registerAccounts(app: FastifyInstance): void {
  registerAccountRoutes(app);
  registerMemberRoutes(app);
  registerSecondFactorRoutes(app);
}
