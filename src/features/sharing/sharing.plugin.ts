import type { FastifyInstance } from 'fastify';
import { registerSharingRoutes } from './sharing.routes.ts';

/** Registers the sharing slice's routes and jobs; only src/app.ts calls it. */
export function registerSharing(app: FastifyInstance): void {
  registerSharingRoutes(app);
}
