import { formatQuarter, type ActionFields } from './strategy.model.ts';
import type { FieldChange } from './strategy.tables.ts';

/** Euro cents as "12500.50" (no thousands separator, dot decimal): the import reads it back. */
export function formatEuros(cents: number | null): string {
  if (cents === null) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros}.${String(rest).padStart(2, '0')}`;
}

/**
 * Each field of an action as a short, stable text: what the history stores as before → after, so
 * that an entry stays readable when the framework or the other actions change later.
 */
export function describeFields(fields: ActionFields): Record<string, string> {
  return {
    title: fields.title,
    description: fields.description,
    pillar: fields.pillar,
    themeId: fields.themeId,
    frameworkActionId: fields.frameworkActionId ?? '',
    taskIds: fields.taskIds.join(', '),
    departments: fields.departments.join(', '),
    start: formatQuarter(fields.start),
    end: formatQuarter(fields.end),
    budget: formatEuros(fields.budgetCents),
    budgetKind: fields.budgetKind ?? '',
    partners: fields.partners.join(', '),
    status: fields.status,
    progress: String(fields.progress),
    milestones: fields.milestones.map((m) => `${m.date} ${m.title}${m.isDone ? ' ✓' : ''}`).join('; '),
    dependsOn: fields.dependsOn.map((id) => `#${id}`).join(', '),
  };
}

export function diffFields(before: ActionFields | null, after: ActionFields | null): FieldChange[] {
  const b = before ? describeFields(before) : {};
  const a = after ? describeFields(after) : {};
  const names = Object.keys(after ? a : b);
  return names
    .filter((name) => (b[name] ?? '') !== (a[name] ?? ''))
    .map((name) => ({ field: name, before: b[name] ?? '', after: a[name] ?? '' }));
}
