import { toCsv } from '../../core/render/csv.ts';
import { readTableTask, type SheetLimits, type SheetProblem } from '../../core/render/spreadsheet.ts';
import type { TaskRunner } from '../../core/workers/worker-tasks.ts';
import { localise, type Framework } from '../framework/index.ts';
import { formatEuros } from './strategy-describe.ts';
import { formatMilestones } from './strategy-form.ts';
import { formatQuarter, type StrategyAction } from './strategy.model.ts';

/**
 * The spreadsheet format of a strategy's actions (docs/strategy-import.md): Dutch headers, values as
 * officials read them. Export and import use the same columns, so a downloaded file can be edited
 * and read back. English headers are accepted too.
 */
export const columns = [
  { key: 'id', nl: 'ID', en: 'ID' },
  { key: 'title', nl: 'Titel', en: 'Title' },
  { key: 'description', nl: 'Omschrijving', en: 'Description' },
  { key: 'pillar', nl: 'Pijler', en: 'Pillar' },
  { key: 'theme', nl: 'Thema', en: 'Theme' },
  { key: 'tasks', nl: 'Opgaven', en: 'Tasks' },
  { key: 'departments', nl: 'Afdelingen', en: 'Departments' },
  { key: 'start', nl: 'Begin', en: 'Start' },
  { key: 'end', nl: 'Einde', en: 'End' },
  { key: 'budget', nl: 'Budget (euro)', en: 'Budget (euro)' },
  { key: 'budgetKind', nl: 'Soort budget', en: 'Kind of budget' },
  { key: 'partners', nl: 'Partners', en: 'Partners' },
  { key: 'status', nl: 'Status', en: 'Status' },
  { key: 'progress', nl: 'Voortgang (%)', en: 'Progress (%)' },
  { key: 'milestones', nl: 'Mijlpalen', en: 'Milestones' },
  { key: 'dependsOn', nl: 'Afhankelijk van', en: 'Depends on' },
  { key: 'frameworkAction', nl: 'Raamwerkactie', en: 'Framework action' },
  { key: 'version', nl: 'Versie', en: 'Version' },
] as const;
export type ColumnKey = (typeof columns)[number]['key'];

/** Without these an import cannot tell what an action is or when it runs. */
export const requiredColumns: ColumnKey[] = ['title', 'theme', 'start', 'end', 'status'];

export const statusLabels = {
  planned: 'gepland',
  running: 'lopend',
  done: 'afgerond',
  paused: 'gepauzeerd',
  stopped: 'gestopt',
} as const;
export const budgetKindLabels = {
  structural: 'structureel',
  incidental: 'incidenteel',
  project: 'project',
} as const;

export function exportRows(framework: Framework, actions: readonly StrategyAction[]): (string | number)[][] {
  const title = (id: string, list: readonly { id: string; title: { nl: string; en: string } }[]) => {
    const found = list.find((x) => x.id === id);
    return found ? localise(found.title, 'nl') : id;
  };
  return [
    columns.map((c) => c.nl),
    ...actions.map((a) => [
      a.id,
      a.title,
      a.description,
      title(a.pillar, framework.pillars),
      title(a.themeId, framework.themes),
      a.taskIds.map((id) => title(id, framework.societalTasks)).join('; '),
      a.departments.join('; '),
      formatQuarter(a.start),
      formatQuarter(a.end),
      formatEuros(a.budgetCents),
      a.budgetKind ? budgetKindLabels[a.budgetKind] : '',
      a.partners.join('; '),
      statusLabels[a.status],
      a.progress,
      formatMilestones(a.milestones, 'nl'),
      a.dependsOn.join('; '),
      a.frameworkActionId ?? '',
      a.version,
    ]),
  ];
}

export function exportCsv(framework: Framework, actions: readonly StrategyAction[]): string {
  return toCsv(exportRows(framework, actions));
}

export async function exportXlsx(framework: Framework, actions: readonly StrategyAction[]): Promise<Buffer> {
  // Loaded on first use: the library costs start-up time and memory that most processes never need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Routekaart';
  const sheet = workbook.addWorksheet('Acties', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(exportRows(framework, actions));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = [8, 40, 50, 28, 32, 40][i] ?? 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type { SheetProblem };

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  line: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export interface Sheet {
  present: Set<ColumnKey>;
  rows: SheetRow[];
}

/** CSV written by us guards leading = + - @ with a quote against formula injection: take it off. */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function columnOf(header: string): ColumnKey | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find(
    (c) => c.nl.toLowerCase() === wanted || c.en.toLowerCase() === wanted || c.key.toLowerCase() === wanted,
  )?.key;
}

function toSheet(table: string[][]): Sheet | SheetProblem {
  const [header, ...rest] = table;
  if (!header || header.every((h) => h.trim() === '')) return 'empty';
  const keys = header.map(columnOf);
  const rows = rest
    .map((cells, i) => {
      const entries = keys.flatMap((key, j) =>
        key ? [[key, unguard((cells[j] ?? '').trim())] as const] : [],
      );
      return { line: i + 2, cells: Object.fromEntries(entries) };
    })
    .filter((row) => Object.values(row.cells).some((v) => v !== ''));
  return { present: new Set(keys.filter((k) => k !== undefined)), rows };
}

/** An import has at most 5,000 actions, and our template's columns with room to spare. */
export const importLimits: SheetLimits = { maxRows: 5000, maxColumns: 50 };

/** Reads an uploaded CSV or XLSX, recognised by its content (never by its name), in the worker pool. */
export async function readSheet(runner: TaskRunner, data: Buffer): Promise<Sheet | SheetProblem> {
  const table = await runner.run(readTableTask, [data, importLimits]);
  return typeof table === 'string' ? table : toSheet(table);
}
