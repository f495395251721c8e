import type { OrganisationScope } from '../../core/http/context.ts';
import {
  button,
  csrfField,
  errorSummary,
  textField,
  type FieldErrors,
  textAreaField,
} from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise, type Framework } from '../framework/index.ts';
import { conflictNotice, strategyBase, strategyCrumbs, type ConflictRow } from './strategy.common.views.ts';
import { strategyMessage } from './strategy.messages.ts';

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
}

function taskFields(ctx: PageContext, data: StrategyFormData): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const chosen = new Set(data.values.chosenTasks);
  return html`<div class="utrecht-form-fieldset${data.errors.tasks ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      aria-describedby="field-tasks-hint"
    >
      <legend
        class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"
        id="field-tasks"
      >
        ${t('field.tasks')}
      </legend>
      <p class="utrecht-form-field-description" id="field-tasks-hint">${t('field.tasks.hint')}</p>
      ${data.framework.societalTasks.map((task) => {
        const title = localise(task.title, ctx.locale);
        return html`<div class="rk-card">
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                id="field-task.${task.id}"
                name="task.${task.id}"
                value="1"
                ${chosen.has(task.id) ? 'checked' : ''}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="field-task.${task.id}"
                >${title}</label
              >
            </div>
          </div>
          ${textAreaField({
            name: `ambition.${task.id}`,
            label: t('field.ambition', { task: title }),
            value: data.values.ambitions[task.id] ?? '',
            error: data.errors[`ambition.${task.id}`],
            rows: 2,
            locale: ctx.locale,
          })}
        </div>`;
      })}
    </fieldset>
  </div>`;
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
