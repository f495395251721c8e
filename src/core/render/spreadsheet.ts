import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { mediaTypes } from '../http/content-types.ts';
import { defineTask } from '../workers/worker-tasks.ts';
import { checkXlsxSize, type SheetLimits, type SizeProblem } from './spreadsheet-size.ts';

export type { SheetLimits } from './spreadsheet-size.ts';
export { MAX_UNPACKED_BYTES } from './spreadsheet-size.ts';

/**
 * Why an uploaded spreadsheet cannot be read; each feature words it for its own form. Past the
 * limits (`unpackedTooLarge`, `tooManyRows`, `tooManyColumns`) the file is refused before parsing.
 */
export type SheetProblem = 'kind' | 'empty' | SizeProblem;

/**
 * An uploaded CSV or XLSX as a table of cell texts, the header row first. The kind is recognised by
 * the content, never by the name: an XLSX workbook by its signature, otherwise valid UTF-8 text
 * without NUL bytes is taken as CSV. Features map the header to their own columns. The file is
 * sized first (rows and columns with a value, and for XLSX what it unpacks to) and refused past
 * `limits`; it runs in the worker pool as `readTableTask`.
 */
export async function readTable(data: Buffer, limits: SheetLimits): Promise<string[][] | SheetProblem> {
  const detected = await fileTypeFromBuffer(data);
  if (detected?.mime === mediaTypes.xlsx) return readXlsx(data, limits);
  if (detected !== undefined) return 'kind';
  const text = new TextDecoder('utf-8').decode(data);
  if (text.includes('\uFFFD') || text.includes('\u0000')) return 'kind';
  return readCsv(text, limits);
}

export const readTableTask = defineTask(new URL(import.meta.url), 'readTable', readTable);

/** Thrown inside the CSV parser to stop it at the first row or column past the limits. */
class PastLimit extends Error {
  constructor(readonly problem: SizeProblem) {
    super(problem);
  }
}

function readCsv(source: string, limits: SheetLimits): string[][] | SheetProblem {
  const text = source.replace(/^\uFEFF/, '');
  // Dutch Excel saves CSV with semicolons: take whichever separator the header uses most.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records = 0;
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      // Sized while parsing, as an XLSX is: data up to row maxRows + 1 and column maxColumns. Lines
      // without a value (Excel writes them for formatted rows) may follow, up to as many again.
      on_record: (record: string[]) => {
        records++;
        const last = record.findLastIndex((cell) => cell.trim() !== '');
        if (last + 1 > limits.maxColumns) throw new PastLimit('tooManyColumns');
        if ((last >= 0 && records > limits.maxRows + 1) || records > 2 * (limits.maxRows + 1))
          throw new PastLimit('tooManyRows');
        return record;
      },
    }) as string[][];
  } catch (error) {
    return error instanceof PastLimit ? error.problem : 'unreadable';
  }
}

async function readXlsx(data: Buffer, limits: SheetLimits): Promise<string[][] | SheetProblem> {
  const problem = checkXlsxSize(data, limits);
  if (problem) return problem;
  // Loaded on first use: the library costs start-up time and memory that most processes never need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return 'unreadable';
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return 'empty';
  // Only the cells with a value are visited: a formatted empty cell far away costs nothing.
  const table: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[row.number - 1] = Array.from(cells, (text) => text ?? '');
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
