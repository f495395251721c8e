import { toCsv } from '../../core/render/csv.ts';
import { readTableTask, type SheetLimits, type SheetProblem } from '../../core/render/spreadsheet.ts';
import type { TaskRunner } from '../../core/workers/worker-tasks.ts';
import type { FieldSpec } from './registries-fields.ts';
import type { EntryRow } from './registries.queries.ts';
import { rawOf, type Raw } from './registries-values.ts';

/**
 * The import and export format of a register: one header row with the field keys (English, stable),
 * then one row per entry with values as the page shows them (ja/nee, codes or labels, ISO dates).
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
  // Loaded on first use: the library costs start-up time and memory that most processes never need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Routekaart';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(exportRows(fields, entries));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type FileProblem = SheetProblem;
export interface Sheet {
  header: string[];
  /** Each row with its number as a spreadsheet program shows it (the header is row 1). */
  rows: { line: number; raw: Raw }[];
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

/** Reads the file in the worker pool, refused past `limits` before it is parsed. */
export async function readSheet(
  runner: TaskRunner,
  data: Buffer,
  limits: SheetLimits,
): Promise<Sheet | FileProblem> {
  const table = await runner.run(readTableTask, [data, limits]);
  return typeof table === 'string' ? table : toSheet(table);
}
