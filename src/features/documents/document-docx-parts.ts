import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import { columnWidths, estimatedWidthPt } from './document-table-layout.ts';
import type { DocumentModel, DocumentTable } from './document.model.ts';
import { localeTags } from '../../core/i18n/i18n.ts';

/** The DOCX renderer's styles, tables and footer (document-docx.ts puts them together). */
export const FONT = 'Arial';
const ACCENT = '1F4E79';
export const HEADER_FILL = 'DCE6F1';
export const TWIPS_PER_CM = 1440 / 2.54;
const BODY_PT = 11;
const TABLE_PT = 10;
/** The roadmap's table (document-docx-timeline.ts) is set smaller: a column per quarter. */
export const TIMELINE_PT = 8;
/** Left and right cell margin in twips. */
const CELL_MARGIN = 80;

/**
 * Line spacing is "auto" (a multiple of the line): without the rule, LibreOffice read 276 as an
 * exact height and squeezed every image into a strip of that height. Images sit in the Figure style,
 * single-spaced and kept with their caption.
 */
export function styles(model: DocumentModel): IStylesOptions {
  // The outline level makes the navigation pane and a table of contents see the heading in every editor.
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY_PT * 2, language: { value: localeTags[model.locale] } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
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
    paragraphStyles: [
      {
        id: 'Figure',
        name: 'Figure',
        basedOn: 'Normal',
        next: 'Caption',
        quickFormat: true,
        paragraph: {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          keepLines: true,
          spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
        },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: TABLE_PT * 2 },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: 'TimelineText',
        name: 'Timeline Text',
        basedOn: 'Normal',
        run: { size: TIMELINE_PT * 2 },
        paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'ContentsHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: FONT, size: 36, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 360, after: 240 }, keepNext: true },
      },
    ],
  };
}

const text = (value: string, options: { bold?: boolean } = {}) => new TextRun({ text: value, ...options });

/** Borders and cell margins are set once on the table: per cell they were most of a long table's XML. */
export function tableBorders(color: string) {
  const border = { style: BorderStyle.SINGLE, size: 4, color };
  return {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
}
const borders = tableBorders('A6A6A6');
const margins = { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN };

function cell(
  value: string,
  width: number,
  options: { isHeader: boolean; isNumeric: boolean; keepNext: boolean },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.isHeader ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
    children: [
      // Size and spacing come from the TableText style: a long table repeats them in every cell otherwise.
      new Paragraph({
        style: 'TableText',
        ...(options.keepNext ? { keepNext: true } : {}),
        ...(options.isNumeric ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun(options.isHeader ? { text: value, bold: true } : value)],
      }),
    ],
  });
}

/**
 * A table with its caption: fixed column widths from the headings and the content (so Word does not
 * autofit them again), a header row that repeats on every page and is kept with the first row, and
 * rows that never split.
 */
export function table(block: DocumentTable, textWidthTwips: number): (Paragraph | Table)[] {
  const widths = columnWidths(
    block,
    textWidthTwips,
    (value, bold) => estimatedWidthPt(value, TABLE_PT, bold) * 20,
    2 * CELL_MARGIN + 20,
  ).map((w) => Math.floor(w));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(c.label, widths[i] ?? 0, { isHeader: true, isNumeric: c.isNumeric === true, keepNext: true }),
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
            keepNext: false,
          }),
        ),
      }),
  );
  return [
    new Paragraph({ style: 'Caption', children: [text(block.caption)] }),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      margins,
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** "Gemeente Rotterdam · Versie 3" on the left, "Pagina 4 van 20" on the right. */
export function footer(model: DocumentModel, textWidthTwips: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: Math.floor(textWidthTwips) }],
        children: [
          new TextRun({
            size: 18,
            children: [
              `${model.organisation} · ${model.versionLabel}`,
              new Tab(),
              `${model.pageLabel.page} `,
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
