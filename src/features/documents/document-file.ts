import { defineTask } from '../../core/workers/worker-tasks.ts';
import { councilLetterDocument, type CouncilLetterData } from './council-letter.ts';
import type { DocumentLocale, DocumentModel } from './document.model.ts';
import type { DocumentFormat } from './documents.tables.ts';
import { scanResultsDocument, type ScanDocumentData } from './scan-document.ts';
import type { StrategyDocumentInputs } from './strategy-document-data.ts';
import { roadmapForPrint } from './strategy-document-roadmap.ts';
import { strategyDocument } from './strategy-document.ts';

/**
 * What a document is made from, loaded from the database on the request thread: plain data that can
 * be posted to a worker thread, where the charts are drawn and the file is rendered.
 */
export type DocumentJob =
  | { kind: 'scan-results'; data: ScanDocumentData }
  | { kind: 'strategy'; data: StrategyDocumentInputs }
  | { kind: 'council-letter'; data: CouncilLetterData };

export interface DocumentFile {
  title: string;
  locale: DocumentLocale;
  data: Buffer;
}

/**
 * Each renderer is loaded when first used, so only the pool's threads load docx, pdfkit and fflate:
 * the main thread imports this module for the task's definition and would otherwise carry them all.
 */
const renderers: Record<DocumentFormat, () => Promise<(model: DocumentModel) => Promise<Buffer>>> = {
  docx: async () => (await import('./document-docx.ts')).renderDocx,
  pdf: async () => (await import('./document-pdf.ts')).renderPdf,
  odt: async () => (await import('./document-odt.ts')).renderOdt,
};

/** The document's model: the strategy's roadmap is laid out in page-sized parts here. */
export function documentModel(job: DocumentJob): DocumentModel {
  if (job.kind === 'scan-results') return scanResultsDocument(job.data);
  if (job.kind === 'council-letter') return councilLetterDocument(job.data);
  const { roadmap, ...data } = job.data;
  return strategyDocument({ ...data, roadmap: roadmap && roadmapForPrint(roadmap) });
}

/** Lays out the document and renders it, drawing its charts: the worker pool's work. */
export async function buildDocumentFile(job: DocumentJob, format: DocumentFormat): Promise<DocumentFile> {
  const model = documentModel(job);
  return { title: model.title, locale: model.locale, data: await (await renderers[format]())(model) };
}

export const buildDocumentFileTask = defineTask(
  new URL(import.meta.url),
  'buildDocumentFile',
  buildDocumentFile,
);
