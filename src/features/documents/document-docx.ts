import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import {
  imageSizeCm,
  type DocumentBlock,
  type DocumentImage,
  type DocumentModel,
  type DocumentTable,
} from './document.model.ts';
import { localeTags } from '../../core/i18n/i18n.ts';

/**
 * The document as DOCX: Word's own Title, Heading 1–3, Caption and List Paragraph styles (so the
 * navigation pane shows the structure and an official restyles it in one place), real tables whose
 * header row repeats on every page, images with alt text, and page numbers in the footer.
 */
const FONT = 'Arial';
const ACCENT = '1F4E79';
const HEADER_FILL = 'DCE6F1';
/** A4 (11906 twips wide) with 2.5 cm (1418 twips) margins leaves 9070 twips, 16 cm, of text width. */
const MARGIN_TWIPS = 1418;
const TEXT_WIDTH_TWIPS = 11906 - 2 * MARGIN_TWIPS;
const TEXT_WIDTH_CM = 16;
const PX_PER_CM = 96 / 2.54;

function styles(model: DocumentModel): IStylesOptions {
  // The outline level makes the navigation pane and a table of contents see the heading in every editor.
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: localeTags[model.locale] } },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: {
        run: { font: FONT, size: 56, bold: true, color: ACCENT },
        paragraph: { spacing: { after: 240 } },
      },
      heading1: heading(36, 360, 0),
      heading2: heading(28, 240, 1),
      heading3: heading(24, 200, 2),
      caption: { run: { font: FONT, size: 20, bold: true, color: '404040' }, paragraph: { keepNext: true } },
    },
  };
}

const text = (value: string, options: { bold?: boolean } = {}) => new TextRun({ text: value, ...options });

function titlePage(model: DocumentModel): Paragraph[] {
  return [
    new Paragraph({
      children: [text(model.organisation, { bold: true })],
      spacing: { before: 2400, after: 480 },
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.title)] }),
    ...(model.titlePage.subtitle
      ? [new Paragraph({ children: [new TextRun({ text: model.titlePage.subtitle, size: 32 })] })]
      : []),
    ...model.titlePage.facts.map(
      (fact, i) =>
        new Paragraph({
          spacing: { before: i === 0 ? 960 : 0, after: 60 },
          children: [text(`${fact.label}: `, { bold: true }), text(fact.value)],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
const borders = { top: border, bottom: border, left: border, right: border };

/** Column widths in twips, in proportion to the columns' weights, filling the text width. */
function columnWidths(table: DocumentTable): number[] {
  const weights = table.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS));
}

function cell(value: string, width: number, options: { isHeader: boolean; isNumeric: boolean }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.isHeader ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
    children: [
      new Paragraph({
        spacing: { after: 0 },
        alignment: options.isNumeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [text(value, { bold: options.isHeader })],
      }),
    ],
  });
}

function table(block: DocumentTable): (Paragraph | Table)[] {
  const widths = columnWidths(block);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(c.label, widths[i] ?? 0, { isHeader: true, isNumeric: c.isNumeric === true }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((c, i) =>
          cell(row[i] ?? '', widths[i] ?? 0, {
            isHeader: block.hasRowHeaders && i === 0,
            isNumeric: c.isNumeric === true,
          }),
        ),
      }),
  );
  return [
    new Paragraph({ style: 'Caption', children: [text(block.caption)] }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function image(block: DocumentImage, index: number): Paragraph[] {
  const size = imageSizeCm(block, TEXT_WIDTH_CM);
  const width = Math.round(size.width * PX_PER_CM);
  const height = Math.round(size.height * PX_PER_CM);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: block.caption !== undefined,
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: { width, height },
          altText: { name: `image-${index + 1}`, title: block.caption ?? block.alt, description: block.alt },
        }),
      ],
    }),
    ...(block.caption ? [new Paragraph({ style: 'Caption', children: [text(block.caption)] })] : []),
  ];
}

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockContent(block: DocumentBlock, imageIndex: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [text(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [text(block.text, { bold: block.isEmphasised === true })] })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [text(item)] }));
    case 'facts':
      return block.items.map(
        (fact) => new Paragraph({ children: [text(`${fact.label}: `, { bold: true }), text(fact.value)] }),
      );
    case 'table':
      return table(block);
    case 'image':
      return image(block, imageIndex());
  }
}

function footer(model: DocumentModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${model.title} · ${model.pageLabel.page} `,
              PageNumber.CURRENT,
              ` ${model.pageLabel.of} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

/** The model as a DOCX file. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  let images = 0;
  const nextImage = () => images++;
  const body = model.sections.flatMap((section, i) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: section.startsOnNewPage === true && i > 0,
      children: [text(section.heading)],
    }),
    ...section.blocks.flatMap((block) => blockContent(block, nextImage)),
  ]);
  const document = new Document({
    title: model.title,
    subject: model.subject,
    creator: model.organisation,
    lastModifiedBy: model.organisation,
    description: model.subject,
    styles: styles(model),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
          },
        },
        footers: {
          default: footer(model),
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
        },
        children: [...titlePage(model), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
