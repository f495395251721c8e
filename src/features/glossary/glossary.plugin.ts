import type { FastifyInstance } from 'fastify';
import { registerGlossaryRoutes } from './glossary.routes.ts';

/** Registers the glossary page; only src/app.ts calls it. */
export function registerGlossary(app: FastifyInstance): void {
  registerGlossaryRoutes(app);
}
