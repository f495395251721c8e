import { defineTask } from '../workers/worker-tasks.ts';

export type WorkbookCell = string | number | null;

/** One sheet of a workbook: its tab name and its rows, the header row first. */
export interface WorkbookSheet {
  name: string;
  rows: WorkbookCell[][];
}

/**
 * An XLSX workbook with one sheet per table: the header row bold and frozen, values only (never a
 * formula: a text starting with `=` stays text). Runs in the worker pool as `writeWorkbookTask`,
 * so a large export never holds up other requests.
 */
export async function writeWorkbook(sheets: WorkbookSheet[]): Promise<Buffer> {
  // Loaded on first use: the main thread imports this module only for the task's definition.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Routekaart';
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRows(rows);
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const writeWorkbookTask = defineTask(new URL(import.meta.url), 'writeWorkbook', writeWorkbook);

/** Excel refuses a tab name over 31 characters or with any of `: \ / ? * [ ]`. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
