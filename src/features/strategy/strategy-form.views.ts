import type { OrganisationScope } from '../../core/http/context.ts';
import { button, csrfField } from '../../core/render/components.ts';
import {
  errorSummary,
  textField,
  type FieldErrors,
  textAreaField,
  choiceGroup,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise, type Framework } from '../framework/index.ts';
import { conflictNotice, strategyBase, strategyCrumbs, type ConflictRow } from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';
import { taskMaturitySection, type TaskMaturityData } from '../scan/index.ts';

export interface StrategyFormValues {
  title: string;
  startYear: string;
  endYear: string;
  vision: string;
  /** Task id → the ambition typed; a task is chosen when its box is ticked. */
  chosenTasks: string[];
  ambitions: Record<string, string>;
  version: string;
}

export interface StrategyFormData {
  organisation: OrganisationScope;
  framework: Framework;
  values: StrategyFormValues;
  errors: FieldErrors;
  isNew: boolean;
  conflict?: { name: string | undefined; rows: ConflictRow[] };
  /** From the latest submitted scan; null without one. */
  taskMaturity: TaskMaturityData | null;
}

function taskFields(ctx: PageContext, data: StrategyFormData): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  // Each task posts its own field (task.x) beside its ambition, which belongs with it on a card.
  const choices = data.framework.societalTasks.map((task) => {
    const title = localise(task.title, ctx.locale);
    return {
      value: task.id,
      name: `task.${task.id}`,
      id: `field-task.${task.id}`,
      label: title,
      detail: textAreaField({
        name: `ambition.${task.id}`,
        label: t('field.ambition', { task: title }),
        value: data.values.ambitions[task.id] ?? '',
        error: data.errors[`ambition.${task.id}`],
        rows: 2,
        locale: ctx.locale,
      }),
    };
  });
  return choiceGroup({
    type: 'checkbox',
    name: 'tasks',
    label: t('field.tasks'),
    description: t('field.tasks.hint'),
    error: data.errors.tasks,
    choices,
    chosen: data.values.chosenTasks,
    locale: ctx.locale,
  });
}

export function strategyFormPage(ctx: PageContext, data: StrategyFormData): string {
  const t = strategyMessage.for(ctx.locale);
  const title = data.isNew ? t('strategy.newTitle') : t('strategy.editTitle');
  const base = strategyBase(data.organisation);
  const v = data.values;
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, data.organisation),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${title}</h1>
      ${data.conflict ? conflictNotice(ctx, data.conflict.name, data.conflict.rows) : ''}
      ${errorSummary(ctx.locale, data.errors)}
      ${data.taskMaturity ? taskMaturitySection(ctx.locale, data.taskMaturity) : ''}
      <form method="post" action="${data.isNew ? base : `${base}/edit`}" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="version" value="${v.version}" />
        ${textField({ name: 'title', label: t('field.title'), value: v.title, error: data.errors.title, required: true, locale: ctx.locale })}
        ${textField({ name: 'startYear', label: t('field.startYear'), type: 'number', value: v.startYear, error: data.errors.startYear, required: true, locale: ctx.locale })}
        ${textField({ name: 'endYear', label: t('field.endYear'), type: 'number', value: v.endYear, error: data.errors.endYear, required: true, locale: ctx.locale })}
        ${textAreaField({ name: 'vision', label: t('field.vision'), description: t('field.vision.hint'), value: v.vision, error: data.errors.vision, rows: 10, locale: ctx.locale })}
        ${taskFields(ctx, data)}
        <div class="rk-actions">
          ${button(t('form.save'))} <a class="utrecht-link" href="${base}">${t('form.cancel')}</a>
        </div>
      </form>
    </div>`,
  });
}
