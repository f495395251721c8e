import { defineTask } from '../../core/workers/worker-tasks.ts';
import type { DocumentModel } from '../documents/index.ts';

export const reportDocumentFormats = ['docx', 'pdf', 'odt'] as const;
export type ReportDocumentFormat = (typeof reportDocumentFormats)[number];

/**
 * Renders the region report's model with the documents' own renderers. Loaded in the pool's
 * threads only: docx, pdfkit and the PNG drawing stay out of the request thread (decision 0011).
 */
export async function renderRegionReport(
  model: DocumentModel,
  format: ReportDocumentFormat,
): Promise<Buffer> {
  const { renderDocx, renderOdt, renderPdf } = await import('../documents/index.ts');
  const renderers = { docx: renderDocx, pdf: renderPdf, odt: renderOdt };
  return renderers[format](model);
}

export const renderRegionReportTask = defineTask(
  new URL(import.meta.url),
  'renderRegionReport',
  renderRegionReport,
);
