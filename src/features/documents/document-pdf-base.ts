import { documentFont } from '../../core/render/fonts.ts';
import { MARGIN_CM, type PageSetup } from './document.model.ts';

/** What the PDF renderer's parts share: the document, its structure root and the text area. */

/**
 * Fonts are named by their file, not registered under a name: pdfkit caches a registered name only
 * when no font with the same PostScript name is open yet, so a registered name of the document's
 * default font was read and parsed again on every use (seconds per document).
 */
export const PDF_FONT = { regular: documentFont.regular, bold: documentFont.bold } as const;
export const ACCENT = '#1f4e79';
export const CM = 72 / 2.54;
export const MARGIN = MARGIN_CM * CM;

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  /** The bottom of the text area of the current page. */
  bottom: () => number;
  /** The text width of the current page (landscape pages are wider). */
  readonly width: number;
  left: number;
  /** The paper of the section being drawn: a page break inside it keeps that paper. */
  page: PageSetup;
  /** Each table's column layout, measured once per document. */
  tableLayouts: WeakMap<object, { widths: number[]; xs: number[]; total: number }>;
}

export function pageOptions(page: PageSetup): PDFKit.PDFDocumentOptions {
  return {
    size: page.size,
    layout: page.orientation,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  };
}

/** A new page of the current section's paper. */
export function newPage(ctx: PdfContext): void {
  ctx.doc.addPage(pageOptions(ctx.page));
}

/** Adds a page when fewer than `needed` points are left on this one (keeps headings with what follows). */
export function ensureRoom(ctx: PdfContext, needed: number): void {
  if (ctx.doc.y + needed > ctx.bottom()) newPage(ctx);
}

/** Draws content inside a new structure element of the given type under the document root. */
export function tagged(
  ctx: PdfContext,
  type: string,
  draw: () => void,
  options: PDFKit.Mixins.StructureElementOptions = {},
): void {
  ctx.root.add(ctx.doc.struct(type, options, draw));
}

declare global {
  // pdfkit supports these structure attributes; its type definitions lag behind.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace PDFKit.Mixins {
    interface StructureElementOptions {
      scope?: 'Row' | 'Column' | 'Both';
      bbox?: [number, number, number, number];
      placement?: 'Block' | 'Inline';
    }
  }
}
