import type { FastifyInstance } from 'fastify';
import { registerSignOnSettingsRoutes } from './sign-on-settings.routes.ts';
import { registerSignOnRoutes } from './sign-on.routes.ts';

/** Registers the single sign-on slice's routes; only src/app.ts calls it. */
export function registerSignOn(app: FastifyInstance): void {
  registerSignOnRoutes(app);
  registerSignOnSettingsRoutes(app);
}
