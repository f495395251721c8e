import PDFDocument from 'pdfkit';
import {
  ACCENT,
  CM,
  ensureRoom,
  MARGIN,
  newPage,
  pageOptions,
  PDF_FONT,
  registerFonts,
  tagged,
  type PdfContext,
  collect,
} from './document-pdf-base.ts';
import { drawContents, noteChapter, reserveContents, type PdfContents } from './document-pdf-contents.ts';
import { drawSvg } from './document-pdf-svg.ts';
import { drawTable, tableStartHeight } from './document-pdf-table.ts';
import { BODY_SIZE, factLine, list, paragraph } from './document-pdf-text.ts';
import {
  imageSizeCm,
  PORTRAIT_A4,
  drawnBlocks,
  type DrawnBlock,
  type DocumentImage,
  type DocumentModel,
  type DocumentSection,
  type ReportModel,
} from './document.model.ts';
import { letterClosing, letterhead } from './document-pdf-letter.ts';
import { localeTags } from '../../core/i18n/i18n.ts';

/**
 * The document as a tagged PDF (PDF/UA-minded): a structure tree (H1–H3, P, L/LI, Table/TR/TH/TD,
 * Figure with /Alt, Caption), the document language, the title in the metadata and shown in the
 * viewer's title bar, the shipped font embedded, page numbers and repeated table headers marked as
 * pagination artifacts, and a bookmark per heading.
 */

function titlePage(ctx: PdfContext, model: ReportModel): void {
  const { doc } = ctx;
  doc.y = 200;
  tagged(ctx, 'P', () =>
    doc.font(PDF_FONT.bold).fontSize(14).fillColor('#000').text(model.organisation, ctx.left, doc.y),
  );
  doc.moveDown(1.5);
  tagged(ctx, 'H1', () =>
    doc.font(PDF_FONT.bold).fontSize(28).fillColor(ACCENT).text(model.title, ctx.left, doc.y),
  );
  if (model.titlePage.subtitle) {
    const subtitle = model.titlePage.subtitle;
    doc.moveDown(0.3);
    tagged(ctx, 'P', () =>
      doc.font(PDF_FONT.regular).fontSize(16).fillColor('#000').text(subtitle, ctx.left, doc.y),
    );
  }
  doc.moveDown(3);
  for (const fact of model.titlePage.facts) factLine(ctx, fact.label, fact.value, 12);
}

const headingSizes = { 1: 18, 2: 14, 3: 12 } as const;

/** Draws a heading on the page where what follows it (`keepWith` points of it) fits too. */
function heading(
  ctx: PdfContext,
  level: 1 | 2 | 3,
  text: string,
  outline: PDFKit.PDFOutline,
  keepWith: number,
): PDFKit.PDFOutline {
  const { doc } = ctx;
  doc.moveDown(level === 1 ? 0.5 : 0.8);
  const own = doc
    .font(PDF_FONT.bold)
    .fontSize(headingSizes[level])
    .heightOfString(text, { width: ctx.width });
  ensureRoom(ctx, own + 8 + Math.min(keepWith, ctx.bottom() - MARGIN - own - 8));
  const item = level < 3 ? outline.addItem(text) : outline;
  tagged(ctx, `H${level}`, () =>
    doc.font(PDF_FONT.bold).fontSize(headingSizes[level]).fillColor(ACCENT).text(text, ctx.left, doc.y, {
      width: ctx.width,
    }),
  );
  doc.moveDown(0.4);
  return item;
}

function imageHeight(ctx: PdfContext, block: DocumentImage): number {
  return imageSizeCm(block, ctx.width / CM).height * CM + (block.caption ? 30 : 8);
}

function image(ctx: PdfContext, block: DocumentImage, isNewPage: boolean): void {
  const { doc } = ctx;
  const size = imageSizeCm(block, ctx.width / CM);
  const [width, height] = [size.width * CM, size.height * CM];
  if (isNewPage) newPage(ctx);
  else ensureRoom(ctx, height + 30);
  const x = ctx.left + (ctx.width - width) / 2;
  const y = doc.y;
  tagged(ctx, 'Figure', () => drawSvg(doc, block.svg, x, y, width), {
    alt: block.alt,
    bbox: [x, y, x + width, y + height],
    placement: 'Block',
  });
  doc.y = y + height + 6;
  if (block.caption) {
    const caption = block.caption;
    tagged(ctx, 'Caption', () =>
      doc.font(PDF_FONT.bold).fontSize(9).fillColor('#404040').text(caption, ctx.left, doc.y, {
        width: ctx.width,
        align: 'center',
      }),
    );
  }
  doc.moveDown(0.8);
}

/**
 * How much of what follows must join a heading on its page: a table's start, an image, a few lines;
 * a heading right after brings its own height and what must join it in turn.
 */
function startHeight(ctx: PdfContext, rest: readonly DrawnBlock[]): number {
  const [b] = rest;
  if (!b) return 0;
  if (b.kind === 'table') return tableStartHeight(ctx, b);
  if (b.kind === 'image') return imageHeight(ctx, b);
  if (b.kind !== 'heading') return 3 * BODY_SIZE * 1.4;
  const size = headingSizes[b.level];
  const own = ctx.doc.font(PDF_FONT.bold).fontSize(size).heightOfString(b.text, { width: ctx.width });
  return own + 1.2 * size + 8 + startHeight(ctx, rest.slice(1));
}

function block(
  ctx: PdfContext,
  b: DrawnBlock,
  outline: PDFKit.PDFOutline,
  next: { blocks: readonly DrawnBlock[]; isNewPageImage: boolean },
): void {
  switch (b.kind) {
    case 'heading':
      heading(ctx, b.level, b.text, outline, startHeight(ctx, next.blocks));
      return;
    case 'paragraph':
      paragraph(ctx, b.text, b.isEmphasised === true);
      return;
    case 'list':
      list(ctx, b.items);
      return;
    case 'facts':
      for (const fact of b.items) factLine(ctx, fact.label, fact.value);
      ctx.doc.moveDown(0.3);
      return;
    case 'table':
      drawTable(ctx, b);
      return;
    case 'image':
      image(ctx, b, next.isNewPageImage);
      return;
  }
}

/**
 * A section of its own paper starts a page of that paper; the one after it returns to portrait A4.
 * A report's first section starts after the contents, a letter's below the letterhead.
 */
function section(
  ctx: PdfContext,
  s: DocumentSection,
  index: number,
  contents: PdfContents | undefined,
): void {
  const page = s.page ?? PORTRAIT_A4;
  const isPaperChange = page !== ctx.page;
  ctx.page = page;
  if ((index === 0 && contents) || s.startsOnNewPage || isPaperChange) newPage(ctx);
  // The roadmap is drawn: as vectors, its text real text.
  const blocks = drawnBlocks(s.blocks);
  const item = heading(ctx, 1, s.heading, ctx.doc.outline, startHeight(ctx, blocks));
  if (contents) noteChapter(ctx, contents, s.heading);
  let images = 0;
  blocks.forEach((b, i) => {
    // On paper of its own every image after the first (a page of the roadmap) starts a page.
    block(ctx, b, item, {
      blocks: blocks.slice(i + 1),
      isNewPageImage: s.page !== undefined && images > 0,
    });
    if (b.kind === 'image') images++;
  });
}

/**
 * The footer on every page but a report's title page, as pagination artifacts (not read as content):
 * the organisation and the version on the left, "Pagina 3 van 12" on the right.
 */
function footers(ctx: PdfContext, model: DocumentModel): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const first = range.start + (model.layout === 'letter' ? 0 : 1);
  for (let i = first; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const [y, width] = [doc.page.height - MARGIN / 2 - 8, doc.page.width - 2 * MARGIN];
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(PDF_FONT.regular).fontSize(8).fillColor('#404040');
    doc.text(`${model.organisation} · ${model.versionLabel}`, ctx.left, y, { width, lineBreak: false });
    doc.text(`${model.pageLabel.page} ${i + 1} ${model.pageLabel.of} ${range.count}`, ctx.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The model as a tagged PDF file. */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    ...pageOptions(PORTRAIT_A4),
    pdfVersion: '1.7',
    tagged: true,
    lang: localeTags[model.locale],
    displayTitle: true,
    bufferPages: true,
    info: { Title: model.title, Author: model.organisation, Subject: model.subject, Creator: 'Routekaart' },
  });
  registerFonts(doc);
  const done = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx: PdfContext = {
    doc,
    root,
    bottom: () => doc.page.height - doc.page.margins.bottom,
    get width() {
      return doc.page.width - 2 * MARGIN;
    },
    left: MARGIN,
    page: PORTRAIT_A4,
    tableLayouts: new WeakMap(),
  };
  if (model.layout === 'letter') {
    letterhead(ctx, model);
    model.sections.forEach((s, i) => section(ctx, s, i, undefined));
    letterClosing(ctx, model);
  } else {
    titlePage(ctx, model);
    const contents = reserveContents(ctx);
    model.sections.forEach((s, i) => section(ctx, s, i, contents));
    drawContents(ctx, contents, model);
  }
  root.end();
  footers(ctx, model);
  doc.end();
  return done;
}
