import type { FastifyInstance } from 'fastify';
import { registerKnowledgeLanding } from './knowledge.routes.ts';

/** Registers the knowledge slice's routes and jobs; only src/app.ts calls it. */
export function registerKnowledge(app: FastifyInstance): void {
  registerKnowledgeLanding(app);
}
