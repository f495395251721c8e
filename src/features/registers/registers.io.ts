import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { toCsv } from '../../core/render/csv.ts';
import type { FieldSpec } from './registers.fields.ts';
import type { EntryRow } from './registers.queries.ts';
import { rawOf, type Raw } from './registers.values.ts';

/**
 * The import and export format of a register: one header row with the field keys (English, stable),
 * then one row per entry with values as the page shows them (ja/nee, codes or labels, JJJJ-MM-DD).
 * Export and import use the same columns, so an exported file can be edited and imported again.
 */
export function exportRows(fields: readonly FieldSpec[], entries: readonly EntryRow[]): string[][] {
  return [fields.map((f) => f.key), ...entries.map((e) => Object.values(rawOf(fields, e.data)))];
}

export function exportCsv(fields: readonly FieldSpec[], entries: readonly EntryRow[]): string {
  return toCsv(exportRows(fields, entries));
}

export async function exportXlsx(
  sheetName: string,
  fields: readonly FieldSpec[],
  entries: readonly EntryRow[],
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Routekaart';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(exportRows(fields, entries));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type FileProblem = 'kind' | 'empty' | 'unreadable';
export interface Sheet {
  header: string[];
  /** Each row with its number as a spreadsheet program shows it (the header is row 1). */
  rows: { line: number; raw: Raw }[];
}

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's kind from its content: an XLSX workbook, or text that must then be CSV. */
export async function sheetKind(data: Buffer): Promise<'xlsx' | 'csv' | undefined> {
  const detected = await fileTypeFromBuffer(data);
  if (detected?.mime === xlsxMime) return 'xlsx';
  if (detected !== undefined) return undefined;
  // No magic number: accept it as CSV only when it is valid UTF-8 without NUL bytes.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  return text.includes('\uFFFD') || text.includes('\u0000') ? undefined : 'csv';
}

function toSheet(table: string[][]): Sheet | FileProblem {
  const [header, ...rest] = table;
  if (!header || header.every((h) => h.trim() === '')) return 'empty';
  const keys = header.map((h) => h.trim());
  const rows = rest
    .map((cells, i) => ({
      line: i + 2,
      raw: Object.fromEntries(keys.map((k, j) => [k, (cells[j] ?? '').trim()])),
    }))
    .filter((row) => Object.values(row.raw).some((v) => v !== ''));
  return { header: keys, rows };
}

function parseCsv(data: Buffer): Sheet | FileProblem {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  // Dutch Excel saves CSV with semicolons: take whichever separator the header uses.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const table: string[][] = parse(text, { delimiter, relax_column_count: true });
    return toSheet(table);
  } catch {
    return 'unreadable';
  }
}

function formulaResult(result: unknown): string {
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  return typeof result === 'string' || typeof result === 'number' ? String(result) : '';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return formulaResult(value.result);
    return '';
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return String(value);
}

async function parseXlsx(data: Buffer): Promise<Sheet | FileProblem> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return 'unreadable';
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return 'empty';
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table[row.number - 1] = cells;
  });
  return toSheet(Array.from(table, (cells) => cells ?? []));
}

export async function readSheet(data: Buffer): Promise<Sheet | FileProblem> {
  const kind = await sheetKind(data);
  if (kind === undefined) return 'kind';
  return kind === 'xlsx' ? parseXlsx(data) : parseCsv(data);
}
