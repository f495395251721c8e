import { ACCENT, ensureRoom, PDF_FONT, tagged, type PdfContext } from './document-pdf-base.ts';
import type { LetterModel } from './document.model.ts';

/**
 * A letter's top and tail in the PDF: the sender's name, the heading (H1), the addressee, date and
 * subject, and the salutation on the first page; the greeting and who signs after the last chapter.
 * All of it is tagged as paragraphs in reading order, like the rest of the document.
 */
const BODY_SIZE = 10.5;

function line(ctx: PdfContext, draw: () => void): void {
  tagged(ctx, 'P', draw);
}

export function letterhead(ctx: PdfContext, model: LetterModel): void {
  const { doc } = ctx;
  const { letter } = model;
  doc.y = doc.page.margins.top;
  line(ctx, () =>
    doc.font(PDF_FONT.bold).fontSize(14).fillColor('#000').text(model.organisation, ctx.left, doc.y),
  );
  doc.moveDown(1.2);
  tagged(ctx, 'H1', () =>
    doc.font(PDF_FONT.bold).fontSize(22).fillColor(ACCENT).text(letter.heading, ctx.left, doc.y, {
      width: ctx.width,
    }),
  );
  doc.outline.addItem(letter.heading);
  doc.moveDown(0.6);
  for (const fact of letter.facts) {
    line(ctx, () => {
      doc.font(PDF_FONT.bold).fontSize(BODY_SIZE).fillColor('#000').text(`${fact.label}: `, ctx.left, doc.y, {
        width: ctx.width,
        continued: true,
      });
      doc.font(PDF_FONT.regular).text(fact.value);
    });
    doc.moveDown(0.2);
  }
  doc.moveDown(1.2);
  line(ctx, () =>
    doc
      .font(PDF_FONT.regular)
      .fontSize(BODY_SIZE)
      .fillColor('#000')
      .text(letter.salutation, ctx.left, doc.y, {
        width: ctx.width,
      }),
  );
}

/** The greeting and the signatories, kept together on one page. */
export function letterClosing(ctx: PdfContext, model: LetterModel): void {
  const { doc } = ctx;
  const lines = model.letter.closing;
  doc.moveDown(1.2);
  ensureRoom(ctx, lines.length * BODY_SIZE * 1.6 + 10);
  for (const text of lines)
    line(ctx, () =>
      doc.font(PDF_FONT.regular).fontSize(BODY_SIZE).fillColor('#000').text(text, ctx.left, doc.y, {
        width: ctx.width,
        lineGap: 2,
      }),
    );
}
