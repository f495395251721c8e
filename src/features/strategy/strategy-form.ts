import type { Locale } from '../../core/i18n/i18n.ts';
import { numberProblemMessage, readNumber, type NumberRule } from '../../core/i18n/dutch-input.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Framework } from '../framework/index.ts';
import {
  actionStatuses,
  budgetKinds,
  formatQuarter,
  parseQuarter,
  quarterIndex,
  type ActionFields,
  type ActionStatus,
  type BudgetKind,
} from './strategy.model.ts';
import { formatEuros } from './strategy-describe.ts';
import { strategyMessage } from './strategy.messages.ts';
import type { StoredMilestone } from './strategy.tables.ts';

/** An action as typed: the form's fields, or a spreadsheet row after its labels became keys. */
export interface RawAction {
  title: string;
  description: string;
  themeId: string;
  taskIds: string[];
  departments: string;
  start: string;
  end: string;
  budget: string;
  budgetKind: string;
  partners: string;
  status: string;
  progress: string;
  milestones: string;
  dependsOn: string[];
  frameworkActionId: string;
}

export function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A budget in euros, up to 100 billion, with at most two decimals; stored in cents. */
export const budgetRule: NumberRule = { decimals: 2, min: 0, max: 100_000_000_000 };
const progressRule: NumberRule = { decimals: 0, min: 0, max: 100 };

/** Euros as officials type them ("125.000,50", "€ 125.000", "125000.50"), read by `readNumber`, in cents. */
export function parseEuros(text: string): number | undefined {
  const reading = readNumber(text, budgetRule);
  return reading.ok ? Math.round(reading.value * 100) : undefined;
}

const doneWords = ['klaar', 'done', 'x', 'ja', 'yes', 'gereed', 'bereikt'];

export function parseMilestones(text: string): { milestones: StoredMilestone[]; badLine?: string } {
  const milestones: StoredMilestone[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const [date = '', title = '', done = ''] = line.split('|').map((p) => p.trim());
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
    if (!isDate || title === '' || (done !== '' && !doneWords.includes(done.toLowerCase())))
      return { milestones, badLine: line };
    milestones.push({ date, title, isDone: done !== '' });
  }
  return { milestones };
}

export function formatMilestones(milestones: readonly StoredMilestone[], locale: Locale): string {
  const done = strategyMessage(locale, 'milestone.doneWord');
  return milestones.map((m) => `${m.date} | ${m.title}${m.isDone ? ` | ${done}` : ''}`).join('\n');
}

function isStatus(value: string): value is ActionStatus {
  return (actionStatuses as readonly string[]).includes(value);
}

function isBudgetKind(value: string): value is BudgetKind {
  return (budgetKinds as readonly string[]).includes(value);
}

/** The form's values for an existing action (or a suggestion), so the form shows what is stored. */
export function rawFromFields(fields: ActionFields, locale: Locale): RawAction {
  return {
    title: fields.title,
    description: fields.description,
    themeId: fields.themeId,
    taskIds: fields.taskIds,
    departments: fields.departments.join('; '),
    start: formatQuarter(fields.start),
    end: formatQuarter(fields.end),
    budget: formatEuros(fields.budgetCents),
    budgetKind: fields.budgetKind ?? '',
    partners: fields.partners.join('; '),
    status: fields.status,
    progress: String(fields.progress),
    milestones: formatMilestones(fields.milestones, locale),
    dependsOn: fields.dependsOn.map(String),
    frameworkActionId: fields.frameworkActionId ?? '',
  };
}

/**
 * Checks a typed action and turns it into fields; every problem is named per field in the user's
 * language. The pillar follows from the theme, so the two can never disagree.
 */
export function parseActionFields(
  locale: Locale,
  framework: Framework,
  raw: RawAction,
): { fields?: ActionFields; errors: FieldErrors } {
  const t = strategyMessage.for(locale);
  const errors: FieldErrors = {};
  if (raw.title === '')
    errors.title = coreMessage(locale, 'form.required', { label: t('field.title').toLowerCase() });
  else if (raw.title.length > 200)
    errors.title = coreMessage(locale, 'form.tooLong', { label: t('field.title'), max: 200 });
  const theme = framework.themes.find((candidate) => candidate.id === raw.themeId);
  if (!theme) errors.themeId = t('framework.unknownTheme');
  const unknownTask = raw.taskIds.find((id) => !framework.societalTasks.some((task) => task.id === id));
  if (unknownTask) errors.taskIds = t('framework.unknownTask', { id: unknownTask });
  const start = parseQuarter(raw.start);
  const end = parseQuarter(raw.end);
  if (!start) errors.start = t('field.quarter.invalid', { label: t('field.start').toLowerCase() });
  if (!end) errors.end = t('field.quarter.invalid', { label: t('field.end').toLowerCase() });
  else if (start && quarterIndex(end) < quarterIndex(start)) errors.end = t('field.end.beforeStart');
  const budget = raw.budget === '' ? undefined : readNumber(raw.budget, budgetRule);
  const budgetCents = budget === undefined ? null : budget.ok ? Math.round(budget.value * 100) : undefined;
  if (budget && !budget.ok)
    errors.budget = `${t('field.budget')}: ${numberProblemMessage(locale, budget.problem, budgetRule, raw.budget)}`;
  if (raw.budgetKind !== '' && !isBudgetKind(raw.budgetKind))
    errors.budgetKind = coreMessage(locale, 'form.choose', { label: t('field.budgetKind').toLowerCase() });
  else if (budgetCents !== null && budgetCents !== undefined && raw.budgetKind === '')
    errors.budgetKind = t('field.budgetKind.missing');
  if (!isStatus(raw.status))
    errors.status = coreMessage(locale, 'form.choose', { label: t('field.status').toLowerCase() });
  const progressReading = readNumber(raw.progress === '' ? '0' : raw.progress, progressRule);
  const progress = progressReading.ok ? progressReading.value : 0;
  if (!progressReading.ok) errors.progress = t('field.progress.invalid');
  const milestones = parseMilestones(raw.milestones);
  if (milestones.badLine !== undefined)
    errors.milestones = t('field.milestones.invalid', { line: milestones.badLine });
  const dependsOn = raw.dependsOn.map(Number);
  if (dependsOn.some((id) => !Number.isSafeInteger(id) || id <= 0))
    errors.dependsOn = t('import.badDependency');
  if (Object.keys(errors).length > 0 || !theme || !start || !end || !isStatus(raw.status)) return { errors };
  return {
    errors,
    fields: {
      title: raw.title,
      description: raw.description,
      pillar: theme.pillar,
      themeId: theme.id,
      frameworkActionId: raw.frameworkActionId === '' ? null : raw.frameworkActionId,
      taskIds: [...new Set(raw.taskIds)],
      departments: splitList(raw.departments),
      start,
      end,
      budgetCents: budgetCents ?? null,
      budgetKind: isBudgetKind(raw.budgetKind) ? raw.budgetKind : null,
      partners: splitList(raw.partners),
      status: raw.status,
      progress,
      milestones: milestones.milestones,
      dependsOn: [...new Set(dependsOn)],
    },
  };
}
