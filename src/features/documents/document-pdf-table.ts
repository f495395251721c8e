import type { DocumentTable } from './document.model.ts';
import { ensureRoom, newPage, PDF_FONT, type PdfContext } from './document-pdf-base.ts';
import { columnWidths } from './document-table-layout.ts';

/**
 * A real table in the structure tree (Table › Caption, THead › TR › TH scope Column, TBody › TR › TH
 * scope Row / TD). pdfkit's own table does not repeat its header row, so this one lays the rows out
 * itself: a row never splits, and on each new page the header row is drawn again as a pagination
 * artifact, so that a screen reader reads the header once and a printed page still has it.
 */
const SIZE = 9;
const PAD = 4;
const HEADER_FILL = '#dce6f1';
const LINE = '#a6a6a6';

interface Layout {
  widths: number[];
  xs: number[];
}

/** Column widths measured with the embedded font itself (see document-table-layout.ts), once per table. */
function layoutOf(ctx: PdfContext, table: DocumentTable): Layout {
  const { doc } = ctx;
  const known = ctx.tableLayouts.get(table);
  if (known && known.total === ctx.width) return known;
  const measure = (text: string, bold: boolean) =>
    doc
      .font(bold ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(SIZE)
      .widthOfString(text);
  const widths = columnWidths(table, ctx.width, measure, 2 * PAD + 1);
  const xs = widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  ctx.tableLayouts.set(table, { widths, xs, total: ctx.width });
  return { widths, xs };
}

function rowHeight(
  ctx: PdfContext,
  layout: Layout,
  cells: string[],
  boldFirst: boolean,
  allBold: boolean,
): number {
  const { doc } = ctx;
  let height = 0;
  cells.forEach((text, i) => {
    doc.font(allBold || (boldFirst && i === 0) ? PDF_FONT.bold : PDF_FONT.regular).fontSize(SIZE);
    const h = doc.heightOfString(text || ' ', { width: (layout.widths[i] ?? 0) - 2 * PAD });
    height = Math.max(height, h);
  });
  return height + 2 * PAD;
}

function frame(ctx: PdfContext, layout: Layout, y: number, height: number, isHeader: boolean): void {
  const { doc } = ctx;
  doc.markContent('Artifact', { type: 'Layout' });
  if (isHeader) doc.rect(ctx.left, y, ctx.width, height).fill(HEADER_FILL);
  doc.lineWidth(0.5).strokeColor(LINE);
  layout.xs.forEach((x, i) => doc.rect(x, y, layout.widths[i] ?? 0, height).stroke());
  doc.endMarkedContent();
}

function cellText(
  ctx: PdfContext,
  layout: Layout,
  i: number,
  y: number,
  text: string,
  o: { bold: boolean; right: boolean },
) {
  ctx.doc
    .font(o.bold ? PDF_FONT.bold : PDF_FONT.regular)
    .fontSize(SIZE)
    .fillColor('#000')
    .text(text, (layout.xs[i] ?? 0) + PAD, y + PAD, {
      width: (layout.widths[i] ?? 0) - 2 * PAD,
      align: o.right ? 'right' : 'left',
    });
}

function headerCells(table: DocumentTable): string[] {
  return table.columns.map((c) => c.label);
}

/** The header row again on a continuation page: drawn, but marked as an artifact. */
function repeatHeader(ctx: PdfContext, table: DocumentTable, layout: Layout): number {
  const y = ctx.doc.y;
  const height = rowHeight(ctx, layout, headerCells(table), false, true);
  frame(ctx, layout, y, height, true);
  ctx.doc.markContent('Artifact', { type: 'Pagination' });
  table.columns.forEach((c, i) =>
    cellText(ctx, layout, i, y, c.label, { bold: true, right: c.isNumeric === true }),
  );
  ctx.doc.endMarkedContent();
  return y + height;
}

/** The room the caption, the header row and the first row take: a heading before the table needs it too. */
export function tableStartHeight(ctx: PdfContext, table: DocumentTable): number {
  const layout = layoutOf(ctx, table);
  const headerHeight = rowHeight(ctx, layout, headerCells(table), false, true);
  const firstRow = table.rows[0] ? rowHeight(ctx, layout, table.rows[0], table.hasRowHeaders, false) : 0;
  return 24 + headerHeight + firstRow;
}

export function drawTable(ctx: PdfContext, table: DocumentTable): void {
  const { doc } = ctx;
  const layout = layoutOf(ctx, table);
  const headerHeight = rowHeight(ctx, layout, headerCells(table), false, true);
  ensureRoom(ctx, tableStartHeight(ctx, table));
  const element = doc.struct('Table');
  ctx.root.add(element);
  element.add(
    doc.struct('Caption', {}, () =>
      doc
        .font(PDF_FONT.bold)
        .fontSize(SIZE + 0.5)
        .fillColor('#404040')
        .text(table.caption, ctx.left, doc.y, {
          width: ctx.width,
        }),
    ),
  );
  doc.moveDown(0.3);
  const head = doc.struct('THead');
  element.add(head);
  let y = doc.y;
  frame(ctx, layout, y, headerHeight, true);
  const headRow = doc.struct('TR');
  head.add(headRow);
  table.columns.forEach((c, i) => {
    const top = y;
    headRow.add(
      doc.struct('TH', { scope: 'Column' }, () =>
        cellText(ctx, layout, i, top, c.label, { bold: true, right: c.isNumeric === true }),
      ),
    );
  });
  headRow.end();
  head.end();
  y += headerHeight;
  const body = doc.struct('TBody');
  element.add(body);
  for (const cells of table.rows) {
    const height = rowHeight(ctx, layout, cells, table.hasRowHeaders, false);
    if (y + height > ctx.bottom()) {
      newPage(ctx);
      y = repeatHeader(ctx, table, layout);
    }
    frame(ctx, layout, y, height, false);
    const row = doc.struct('TR');
    body.add(row);
    table.columns.forEach((c, i) => {
      const isRowHeader = table.hasRowHeaders && i === 0;
      const top = y;
      const draw = () =>
        cellText(ctx, layout, i, top, cells[i] ?? '', { bold: isRowHeader, right: c.isNumeric === true });
      row.add(isRowHeader ? doc.struct('TH', { scope: 'Row' }, draw) : doc.struct('TD', {}, draw));
    });
    row.end();
    y += height;
  }
  body.end();
  element.end();
  doc.x = ctx.left;
  doc.y = y + 14;
}
