import type { FastifyInstance } from 'fastify';
import { registerSearchRoutes } from './search.routes.ts';
import { registerPracticeReadRoutes } from './practices-read.routes.ts';
import { registerPracticeRoutes } from './practices.routes.ts';
import { registerPracticeApi } from './practices-api.routes.ts';
import { registerPracticeAttachmentsApi } from './practices-attachments-api.routes.ts';

/** Registers the practices slice's routes and jobs; only src/app.ts calls it. */
export function registerPractices(app: FastifyInstance): void {
  registerSearchRoutes(app);
  registerPracticeReadRoutes(app);
  registerPracticeRoutes(app);
  registerPracticeApi(app);
  registerPracticeAttachmentsApi(app);
}
