import { ACCENT, PDF_FONT, type PdfContext } from './document-pdf-base.ts';
import type { ReportModel } from './document.model.ts';

/**
 * The PDF's table of contents, on the page after the title page, as in the DOCX: each chapter with
 * the number of the page it starts on. The page is reserved before the chapters are drawn and filled
 * in after them, when their pages are known; in the structure tree it is a TOC of TOCI items, in
 * reading order after the title page.
 */
export interface PdfContents {
  page: number;
  element: PDFKit.PDFStructureElement;
  chapters: { heading: string; page: number }[];
}

/** A page for the contents, and its place in the structure tree. */
export function reserveContents(ctx: PdfContext): PdfContents {
  ctx.doc.addPage();
  const element = ctx.doc.struct('TOC');
  ctx.root.add(element);
  return { page: ctx.doc.bufferedPageRange().count - 1, element, chapters: [] };
}

/** Notes that a chapter starts on the current page. */
export function noteChapter(ctx: PdfContext, contents: PdfContents, heading: string): void {
  const range = ctx.doc.bufferedPageRange();
  contents.chapters.push({ heading, page: range.start + range.count - 1 });
}

export function drawContents(ctx: PdfContext, contents: PdfContents, model: ReportModel): void {
  const { doc } = ctx;
  doc.switchToPage(contents.page);
  doc.x = ctx.left;
  doc.y = doc.page.margins.top;
  const width = doc.page.width - 2 * ctx.left;
  contents.element.add(
    doc.struct('Caption', {}, () =>
      doc.font(PDF_FONT.bold).fontSize(18).fillColor(ACCENT).text(model.contentsLabel, ctx.left, doc.y),
    ),
  );
  doc.moveDown(0.8);
  for (const chapter of contents.chapters) {
    const y = doc.y;
    const item = doc.struct('TOCI', {}, () => {
      doc.font(PDF_FONT.regular).fontSize(11).fillColor('#000');
      doc.text(chapter.heading, ctx.left, y, { width: width - 40, lineBreak: false });
      doc.text(String(chapter.page + 1), ctx.left, y, { width, align: 'right', lineBreak: false });
    });
    contents.element.add(item);
    doc.y = y + 20;
  }
  contents.element.end();
}
