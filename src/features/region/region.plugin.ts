import type { FastifyInstance } from 'fastify';
import { registerReportRoutes } from './report.routes.ts';
import { registerWorkspaceRoutes } from './workspace.routes.ts';

/** Registers the region slice's routes; only src/app.ts calls it. */
export function registerRegion(app: FastifyInstance): void {
  registerWorkspaceRoutes(app);
  registerReportRoutes(app);
}
