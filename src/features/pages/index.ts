import type { FastifyInstance } from 'fastify';
import { registerPageRoutes } from './pages.routes.ts';

export function registerPages(app: FastifyInstance): void {
  registerPageRoutes(app);
}
