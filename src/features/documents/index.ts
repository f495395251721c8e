import type { FastifyInstance } from 'fastify';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerScanDocumentRoutes } from './scan-documents.routes.ts';
import { registerStrategyDocumentRoutes } from './strategy-documents.routes.ts';

export { renderDocx } from './document.docx.ts';
export { renderPdf } from './document.pdf.ts';
export type { DocumentModel } from './document.model.ts';
export { documentVersions } from './documents.tables.ts';
export { seedDemoDocuments } from './documents.demo.ts';

export function registerDocuments(app: FastifyInstance): void {
  registerDocumentRoutes(app);
  registerScanDocumentRoutes(app);
  registerStrategyDocumentRoutes(app);
}
