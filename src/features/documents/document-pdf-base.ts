import { documentFont } from '../../core/render/fonts.ts';

/** What the PDF renderer's parts share: the document, its structure root and the text area. */

/**
 * Fonts are named by their file, not registered under a name: pdfkit caches a registered name only
 * when no font with the same PostScript name is open yet, so a registered name of the document's
 * default font was read and parsed again on every use (seconds per document).
 */
export const PDF_FONT = { regular: documentFont.regular, bold: documentFont.bold } as const;
export const ACCENT = '#1f4e79';

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  /** The bottom of the text area of the current page. */
  bottom: () => number;
  width: number;
  left: number;
}

/** Adds a page when fewer than `needed` points are left on this one (keeps headings with what follows). */
export function ensureRoom(ctx: PdfContext, needed: number): void {
  if (ctx.doc.y + needed > ctx.bottom()) ctx.doc.addPage();
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
