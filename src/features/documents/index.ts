export { renderDocx } from './document-docx.ts';
export { renderPdf } from './document-pdf.ts';
export { renderOdt } from './document-odt.ts';
export type { DocumentModel, ReportModel } from './document.model.ts';
export { documentVersions } from './documents.tables.ts';
