import {
  AlignmentType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { HEADER_FILL, tableBorders, TIMELINE_PT } from './document-docx-parts.ts';
import { estimatedWidthPt } from './document-table-layout.ts';
import type { DocumentTimeline, TimelineRow } from './document.model.ts';

/**
 * The roadmap in the DOCX as a Word table (decision 0034): a row per action, grouped per pillar,
 * with its status and a bar of shaded quarters from its first to its last, a diamond in each quarter
 * with a milestone. The two header rows (years, quarters) repeat on every page, so a long roadmap
 * continues over pages of the landscape section by itself; the text is 8 pt.
 */
const BAR_FILL = '2E75B6';
const MILESTONE = '◆';
/** Left and right cell margin in twips: narrow, so a quarter's column can be narrow too. */
const CELL_MARGIN = 40;
const borders = tableBorders('BFBFBF');

const twips = (text: string, bold = false) =>
  estimatedWidthPt(text, TIMELINE_PT, bold) * 20 + 2 * CELL_MARGIN + 20;

interface Widths {
  action: number;
  status: number;
  quarter: number;
}

/** The status column fits its longest word; the quarters share what the action column leaves. */
function widthsFor(block: DocumentTimeline, textWidthTwips: number): Widths {
  const quarters = block.years.flatMap((y) => y.quarters);
  const rows = block.groups.flatMap((g) => g.rows);
  const status = Math.max(twips(block.columns.status, true), ...rows.map((r) => twips(r.status)));
  const minQuarter = Math.max(...quarters.map((q) => twips(q, true)), twips(MILESTONE));
  const longest = Math.max(twips(block.columns.action, true), ...rows.map((r) => twips(r.label)));
  // The action column takes at most 40 % of the width, wrapping longer titles.
  const action = Math.min(
    longest,
    0.4 * textWidthTwips,
    textWidthTwips - status - quarters.length * minQuarter,
  );
  const quarter = Math.floor((textWidthTwips - action - status) / Math.max(1, quarters.length));
  return { action: Math.floor(action), status: Math.floor(status), quarter };
}

function cell(
  value: string,
  width: number,
  options: {
    bold?: boolean;
    fill?: string;
    columnSpan?: number;
    rowSpan?: number;
    centred?: boolean;
    colour?: string;
    keepNext?: boolean;
  } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } } : {}),
    children: [
      new Paragraph({
        style: 'TimelineText',
        ...(options.keepNext ? { keepNext: true } : {}),
        ...(options.centred ? { alignment: AlignmentType.CENTER } : {}),
        // Most quarters are empty: no run at all there (a long roadmap has thousands of them).
        children: value
          ? [
              new TextRun({
                text: value,
                ...(options.bold ? { bold: true } : {}),
                ...(options.colour ? { color: options.colour } : {}),
              }),
            ]
          : [],
      }),
    ],
  });
}

function headerRows(block: DocumentTimeline, w: Widths): TableRow[] {
  const header = { fill: HEADER_FILL, bold: true };
  return [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        cell(block.columns.action, w.action, { ...header, rowSpan: 2 }),
        cell(block.columns.status, w.status, { ...header, rowSpan: 2 }),
        ...block.years.map((year) =>
          cell(year.label, w.quarter * year.quarters.length, {
            ...header,
            columnSpan: year.quarters.length,
            centred: true,
          }),
        ),
      ],
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.years.flatMap((year) =>
        year.quarters.map((q) => cell(q, w.quarter, { ...header, centred: true })),
      ),
    }),
  ];
}

function actionRow(row: TimelineRow, quarters: number, w: Widths): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(row.label, w.action),
      cell(row.status, w.status),
      ...Array.from({ length: quarters }, (_, q) => {
        const isOn = q >= row.from && q <= row.to;
        const mark = row.milestones.includes(q) ? MILESTONE : '';
        return cell(mark, w.quarter, {
          centred: true,
          ...(isOn ? { fill: BAR_FILL, colour: 'FFFFFF' } : {}),
        });
      }),
    ],
  });
}

export function timelineTable(block: DocumentTimeline, textWidthTwips: number): (Paragraph | Table)[] {
  const w = widthsFor(block, textWidthTwips);
  const quarters = block.years.reduce((n, y) => n + y.quarters.length, 0);
  const rows = block.groups.flatMap((group) => [
    new TableRow({
      cantSplit: true,
      // A pillar's title stays on the page of its first action.
      children: [
        cell(group.title, w.action + w.status + quarters * w.quarter, {
          bold: true,
          columnSpan: quarters + 2,
          keepNext: true,
        }),
      ],
    }),
    ...group.rows.map((row) => actionRow(row, quarters, w)),
  ]);
  const columnWidths = [w.action, w.status, ...Array.from({ length: quarters }, () => w.quarter)];
  return [
    new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] }),
    new Table({
      width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths,
      layout: TableLayoutType.FIXED,
      borders,
      margins: { top: 20, bottom: 20, left: CELL_MARGIN, right: CELL_MARGIN },
      rows: [...headerRows(block, w), ...rows],
    }),
    new Paragraph({
      style: 'TimelineText',
      spacing: { before: 60, after: 240 },
      children: [new TextRun(block.legend)],
    }),
  ];
}
