import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './accounts.routes.ts';
import { registerMemberRoutes } from './members.routes.ts';

export { createSetupLinkIfNeeded } from './accounts.service.ts';
export { createUserWithMembership, type CreateUserProblem } from './users.service.ts';
export { countMembers, listMembers } from './members.service.ts';
export { normaliseEmail } from './accounts.queries.ts';

export function registerAccounts(app: FastifyInstance): void {
  registerAccountRoutes(app);
  registerMemberRoutes(app);
}
