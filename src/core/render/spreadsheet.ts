import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { mediaTypes } from '../http/content-types.ts';

/** Why an uploaded spreadsheet cannot be read; each feature words it for its own form. */
export type SheetProblem = 'kind' | 'empty' | 'unreadable';

/**
 * An uploaded CSV or XLSX as a table of cell texts, the header row first. The kind is recognised by
 * the content, never by the name: an XLSX workbook by its signature, otherwise valid UTF-8 text
 * without NUL bytes is taken as CSV. Features map the header to their own columns.
 */
export async function readTable(data: Buffer): Promise<string[][] | SheetProblem> {
  const detected = await fileTypeFromBuffer(data);
  if (detected?.mime === mediaTypes.xlsx) return readXlsx(data);
  if (detected !== undefined) return 'kind';
  const text = new TextDecoder('utf-8').decode(data);
  if (text.includes('\uFFFD') || text.includes('\u0000')) return 'kind';
  return readCsv(text);
}

function readCsv(source: string): string[][] | SheetProblem {
  const text = source.replace(/^\uFEFF/, '');
  // Dutch Excel saves CSV with semicolons: take whichever separator the header uses most.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch {
    return 'unreadable';
  }
}

async function readXlsx(data: Buffer): Promise<string[][] | SheetProblem> {
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
  return Array.from(table, (cells) => cells ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) {
      const result: unknown = value.result;
      if (result instanceof Date) return isoDate(result);
      return typeof result === 'string' || typeof result === 'number' ? String(result) : '';
    }
    return '';
  }
  // Our forms and exports say ja/nee; a ticked Excel checkbox cell arrives as a boolean.
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return String(value);
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
