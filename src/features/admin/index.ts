import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin.routes.ts';

export function registerAdmin(app: FastifyInstance): void {
  registerAdminRoutes(app);
}
