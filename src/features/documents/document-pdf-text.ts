import { ensureRoom, PDF_FONT, tagged, type PdfContext } from './document-pdf-base.ts';

/** Running text in the PDF: paragraphs, bulleted lists and "label: value" lines, each tagged. */
export const BODY_SIZE = 10.5;

export function factLine(ctx: PdfContext, label: string, value: string, size = BODY_SIZE): void {
  const { doc } = ctx;
  tagged(ctx, 'P', () => {
    doc.font(PDF_FONT.bold).fontSize(size).fillColor('#000').text(`${label}: `, ctx.left, doc.y, {
      width: ctx.width,
      continued: true,
    });
    doc.font(PDF_FONT.regular).text(value);
  });
  doc.moveDown(0.3);
}

export function paragraph(ctx: PdfContext, text: string, isEmphasised: boolean): void {
  const { doc } = ctx;
  ensureRoom(ctx, 30);
  tagged(ctx, 'P', () =>
    doc
      .font(isEmphasised ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(BODY_SIZE)
      .fillColor('#000')
      .text(text, ctx.left, doc.y, { width: ctx.width, lineGap: 2 }),
  );
  doc.moveDown(0.6);
}

export function list(ctx: PdfContext, items: string[]): void {
  const { doc } = ctx;
  const element = doc.struct('L');
  ctx.root.add(element);
  for (const item of items) {
    ensureRoom(ctx, 20);
    const y = doc.y;
    const li = doc.struct('LI');
    element.add(li);
    li.add(
      doc.struct('Lbl', {}, () =>
        doc
          .font(PDF_FONT.regular)
          .fontSize(BODY_SIZE)
          .fillColor('#000')
          .text('•', ctx.left + 4, y),
      ),
    );
    li.add(
      doc.struct('LBody', {}, () => doc.text(item, ctx.left + 18, y, { width: ctx.width - 18, lineGap: 2 })),
    );
    li.end();
    doc.moveDown(0.3);
  }
  element.end();
  doc.x = ctx.left;
  doc.moveDown(0.4);
}
