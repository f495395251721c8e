import PDFDocument from 'pdfkit';
import { documentFont } from '../../core/render/fonts.ts';
import { MARGIN_CM, type PageSetup } from './document.model.ts';

/** What the PDF renderer's parts share: the document, its structure root and the text area. */

/**
 * The two faces, registered in each document under their PostScript names (pdfkit keeps an open font
 * under that name, so a registered name that differs from it is read and parsed again on every use).
 */
export const PDF_FONT = { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold' } as const;

type FontSource = PDFKit.Mixins.PDFFontSource;
let faces: { regular: FontSource; bold: FontSource } | undefined;

/**
 * A face parsed once per thread: pdfkit takes a parsed font (fontkit's) as well as a file, and a
 * parsed one keeps its glyphs and shaped words from one document to the next (a fifth of a strategy
 * PDF's time went to shaping the same words again). pdfkit parses it; its parsed font is read from
 * a document that is never written. Should a pdfkit upgrade move it, the file is used as before.
 */
function parsedOnce(file: string): FontSource {
  const probe = new PDFDocument({ autoFirstPage: false, font: file }) as unknown as {
    _font?: { font?: { layout?: unknown } };
  };
  const font = probe._font?.font;
  return typeof font?.layout === 'function' ? (font as unknown as FontSource) : file;
}

/** Registers the two faces in a new document and makes the regular one current. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  faces ??= { regular: parsedOnce(documentFont.regular), bold: parsedOnce(documentFont.bold) };
  doc.registerFont(PDF_FONT.regular, faces.regular).registerFont(PDF_FONT.bold, faces.bold);
  doc.font(PDF_FONT.regular);
}
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

/** The document's bytes, once it has ended. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
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
