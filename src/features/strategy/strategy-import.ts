import { recordAudit } from '../../core/db/audit.ts';
import { hasControlCharacter } from '../../core/http/input-guard.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { getFramework, type Framework } from '../framework/index.ts';
import { diffFields } from './strategy-describe.ts';
import { parseActionFields, rawFromFields, splitList, type RawAction } from './strategy-form.ts';
import { checkAllDependencies, type GuardedAction } from './strategy-guards.ts';
import { strategyMessage } from './strategy.messages.ts';
import { actionStatuses, type ActionFields, type StrategyAction } from './strategy.model.ts';
import { loadStrategies, lockStrategy } from './strategy.queries.ts';
import { applyImport } from './action.service.ts';
import { budgetKindLabels, statusLabels, type Sheet, type SheetRow } from './strategy-spreadsheet.ts';
import { dependencyProblemText } from './strategy-warnings.ts';

export interface RowProblem {
  line: number;
  reasons: string[];
}

export type ImportResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; problem: 'notFound' | 'archived' }
  | { ok: false; problem: 'rows'; rows: RowProblem[] };

type Key = Parameters<typeof strategyMessage>[1];

interface PlannedRow {
  line: number;
  existing: StrategyAction | undefined;
  fields: ActionFields;
}

function statusOf(value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return actionStatuses.find(
    (key) =>
      wanted === key ||
      wanted === statusLabels[key] ||
      wanted === strategyMessage('en', `status.${key}`).toLowerCase() ||
      wanted === strategyMessage('nl', `status.${key}`).toLowerCase(),
  );
}

function byTitle(framework: Framework, value: string, list: 'themes' | 'societalTasks'): string | undefined {
  const wanted = value.trim().toLowerCase();
  const items: readonly { id: string; title: { nl: string; en: string } }[] = framework[list];
  return items.find(
    (x) => x.id === wanted || x.title.nl.toLowerCase() === wanted || x.title.en.toLowerCase() === wanted,
  )?.id;
}

const budgetSynonyms: Record<string, string> = {
  structural: 'structural',
  incidental: 'incidental',
  'project/innovatie': 'project',
  'project/innovation': 'project',
  innovatie: 'project',
  innovation: 'project',
};

/** A row's cells over the stored action (a column absent from the file keeps the stored value). */
function rawOfRow(
  locale: Locale,
  framework: Framework,
  row: SheetRow,
  base: RawAction,
  reasons: string[],
): RawAction {
  const t = strategyMessage.for(locale);
  const c = row.cells;
  const raw = { ...base };
  // Plain text columns: a column absent from the file keeps the stored value.
  const textKeys = [
    'title',
    'description',
    'departments',
    'start',
    'end',
    'budget',
    'partners',
    'progress',
    'milestones',
  ] as const;
  for (const key of textKeys) {
    const cell = c[key];
    if (cell !== undefined) raw[key] = cell;
  }
  if (c.frameworkAction !== undefined) raw.frameworkActionId = c.frameworkAction;
  if (c.theme !== undefined) {
    const id = byTitle(framework, c.theme, 'themes');
    if (!id && c.theme !== '') reasons.push(t('import.unknownTheme', { value: c.theme }));
    raw.themeId = id ?? '';
  }
  if (c.tasks !== undefined) {
    raw.taskIds = [];
    for (const value of splitList(c.tasks)) {
      const id = byTitle(framework, value, 'societalTasks');
      if (id) raw.taskIds.push(id);
      else reasons.push(t('import.unknownTask', { value }));
    }
  }
  if (c.status !== undefined) {
    const status = statusOf(c.status);
    if (!status) reasons.push(t('import.unknownStatus', { value: c.status }));
    raw.status = status ?? 'planned';
  }
  if (c.budgetKind !== undefined) {
    const wanted = c.budgetKind.trim().toLowerCase();
    const kind =
      wanted === ''
        ? ''
        : (Object.entries(budgetKindLabels).find(([, nl]) => nl === wanted)?.[0] ?? budgetSynonyms[wanted]);
    if (kind === undefined) reasons.push(t('import.unknownBudgetKind', { value: c.budgetKind }));
    raw.budgetKind = kind ?? '';
  }
  if (c.dependsOn !== undefined) raw.dependsOn = splitList(c.dependsOn.replace(/[#,]/g, ';'));
  return raw;
}

function emptyRaw(): RawAction {
  return {
    title: '',
    description: '',
    themeId: '',
    taskIds: [],
    departments: '',
    start: '',
    end: '',
    budget: '',
    budgetKind: '',
    partners: '',
    status: 'planned',
    progress: '0',
    milestones: '',
    dependsOn: [],
    frameworkActionId: '',
  };
}

function planRow(
  locale: Locale,
  framework: Framework,
  row: SheetRow,
  actions: ReadonlyMap<number, StrategyAction>,
  seen: Set<number>,
): { plan?: PlannedRow; reasons: string[] } {
  const t = strategyMessage.for(locale);
  const reasons: string[] = [];
  for (const [column, value] of Object.entries(row.cells))
    if (hasControlCharacter(value)) reasons.push(coreMessage(locale, 'input.control', { label: column }));
  if (reasons.length > 0) return { reasons };
  const idText = row.cells.id ?? '';
  const id = idText === '' ? undefined : Number(idText);
  const existing = id === undefined ? undefined : actions.get(id);
  if (id !== undefined && !existing) reasons.push(t('import.unknownId', { id: idText }));
  if (id !== undefined && seen.has(id)) reasons.push(t('import.duplicateId', { id: idText }));
  if (id !== undefined) seen.add(id);
  const versionText = row.cells.version ?? '';
  if (existing && versionText !== '') {
    if (!/^\d+$/.test(versionText)) reasons.push(t('import.badVersion'));
    else if (Number(versionText) !== existing.version)
      reasons.push(t('import.changedSince', { stored: existing.version, file: versionText }));
  }
  const raw = rawOfRow(
    locale,
    framework,
    row,
    existing ? rawFromFields(existing, locale) : emptyRaw(),
    reasons,
  );
  const { fields, errors } = parseActionFields(locale, framework, raw);
  const labels: Record<string, Key> = {
    title: 'field.title',
    themeId: 'field.theme',
    taskIds: 'field.actionTasks',
    start: 'field.start',
    end: 'field.end',
    budget: 'field.budget',
    budgetKind: 'field.budgetKind',
    status: 'field.status',
    progress: 'field.progress',
    milestones: 'field.milestones',
    dependsOn: 'field.dependsOn',
  };
  for (const [field, message] of Object.entries(errors))
    if (!reasons.some((r) => r.includes(message)))
      reasons.push(t('import.field', { field: t(labels[field] ?? 'field.title'), message }));
  return reasons.length === 0 && fields
    ? { plan: { line: row.line, existing, fields }, reasons }
    : { reasons };
}

/** Dependency rules over the whole result (stored actions with the file's changes, and new ones). */
function dependencyProblems(locale: Locale, plans: PlannedRow[], stored: StrategyAction[]): RowProblem[] {
  const changed = new Map(plans.filter((p) => p.existing).map((p) => [p.existing?.id ?? 0, p]));
  const guarded: (GuardedAction & { line?: number })[] = stored.map((a) => {
    const plan = changed.get(a.id);
    return { ...(plan ? plan.fields : a), id: a.id, ...(plan ? { line: plan.line } : {}) };
  });
  plans
    .filter((p) => !p.existing)
    .forEach((p, i) => guarded.push({ ...p.fields, id: -(i + 1), line: p.line }));
  const problems: RowProblem[] = [];
  for (const [id, problem] of checkAllDependencies(guarded)) {
    const action = guarded.find((g) => g.id === id);
    const dependencyLine =
      'dependencyId' in problem ? guarded.find((g) => g.id === problem.dependencyId)?.line : undefined;
    const line = action?.line ?? dependencyLine ?? 0;
    const text = dependencyProblemText(locale, problem, guarded, action?.title ?? '');
    problems.push({
      line,
      reasons: [action?.line === undefined ? `“${action?.title ?? ''}”: ${text}` : text],
    });
  }
  return problems;
}

/**
 * Imports a whole sheet in one transaction: every row is checked first, and one bad row means no
 * change at all (the report names each bad row and why). Rows with an ID update that action; rows
 * without one add an action; actions missing from the file stay as they are.
 */
export async function importActions(
  db: Db,
  input: { organisationId: number; strategyId: number; actorUserId: number; locale: Locale; sheet: Sheet },
): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const row = await lockStrategy(tx, input.strategyId);
    if (!row || row.organisationId !== input.organisationId)
      return { ok: false, problem: 'notFound' } as const;
    if (row.status !== 'active') return { ok: false, problem: 'archived' } as const;
    const framework = getFramework(row.frameworkVersion);
    const [strategy] = await loadStrategies(tx, [row]);
    const stored = strategy?.actions ?? [];
    const byId = new Map(stored.map((a) => [a.id, a]));
    const seen = new Set<number>();
    const plans: PlannedRow[] = [];
    const problems: RowProblem[] = [];
    for (const sheetRow of input.sheet.rows) {
      const { plan, reasons } = planRow(input.locale, framework, sheetRow, byId, seen);
      if (plan) plans.push(plan);
      else problems.push({ line: sheetRow.line, reasons });
    }
    if (problems.length === 0) problems.push(...dependencyProblems(input.locale, plans, stored));
    if (problems.length > 0)
      return { ok: false, problem: 'rows', rows: problems.sort((a, b) => a.line - b.line) } as const;
    const changed = plans
      .map((plan) => ({
        existing: plan.existing,
        fields: plan.fields,
        changes: diffFields(plan.existing ?? null, plan.fields),
      }))
      .filter((plan) => !plan.existing || plan.changes.length > 0);
    await applyImport(tx, { strategyId: row.id, actions: changed, actorUserId: input.actorUserId });
    const created = changed.filter((c) => !c.existing).length;
    const updated = changed.length - created;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'strategy.actions.imported',
      details: { strategyId: row.id, created, updated },
    });
    return { ok: true, created, updated, unchanged: plans.length - created - updated } as const;
  });
}
