import type { FastifyInstance } from 'fastify';
import { registerCouncilLetterRoutes } from './council-letter.routes.ts';
import { registerDocumentApi } from './documents-api.routes.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerScanDocumentRoutes } from './scan-documents.routes.ts';
import { registerStrategyDocumentRoutes } from './strategy-documents.routes.ts';

/** Registers the documents slice's routes and jobs; only src/app.ts calls it. */
export function registerDocuments(app: FastifyInstance): void {
  registerDocumentRoutes(app);
  registerScanDocumentRoutes(app);
  registerStrategyDocumentRoutes(app);
  registerCouncilLetterRoutes(app);
  registerDocumentApi(app);
}
