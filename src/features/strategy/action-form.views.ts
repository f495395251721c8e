import type { OrganisationScope } from '../../core/http/context.ts';
import { alert, button, csrfField } from '../../core/render/components.ts';
import {
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
  choiceGroup,
  textAreaField,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { formatQuarterOf, type Locale } from '../../core/i18n/i18n.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { RawAction } from './strategy-form.ts';
import {
  actionStatuses,
  budgetKinds,
  formatQuarter,
  parseQuarter,
  quarterFromIndex,
  quarterIndex,
  type Strategy,
} from './strategy.model.ts';
import { conflictNotice, strategyBase, strategyCrumbs, type ConflictRow } from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';

export interface ActionFormData {
  organisation: OrganisationScope;
  strategy: Strategy;
  framework: Framework;
  values: RawAction;
  version: string;
  errors: FieldErrors;
  /** Absent for a new action. */
  actionId?: number;
  fromSuggestion?: boolean;
  conflict?: { name: string | undefined; rows: ConflictRow[] };
}

function themeSelect(ctx: PageContext, data: ActionFormData): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const error = data.errors.themeId;
  const pillars = [...data.framework.pillars].sort((a, b) => a.number - b.number);
  return html`<div
    class="utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="field-themeId">${t('field.theme')}</label>
    </div>
    ${error ? html`<p class="utrecht-form-field-error-message" id="field-themeId-error"><span class="rk-visually-hidden">${coreMessage(ctx.locale, 'form.error')} </span>${error}</p>` : ''}
    <div class="utrecht-form-field__input">
      <select
        class="utrecht-select utrecht-select--html-select"
        id="field-themeId"
        name="themeId"
        ${error ? html`aria-invalid="true" aria-describedby="field-themeId-error"` : ''}
      >
        <option value=""></option>
        ${pillars.map(
          (p) =>
            html`<optgroup label="${p.number}. ${localise(p.title, ctx.locale)}">
              ${data.framework.themes
                .filter((theme) => theme.pillar === p.id)
                .map(
                  (theme) =>
                    html`<option value="${theme.id}" ${theme.id === data.values.themeId ? 'selected' : ''}>
                      ${localise(theme.title, ctx.locale)}
                    </option>`,
                )}
            </optgroup>`,
        )}
      </select>
    </div>
  </div>`;
}

/** The strategy's quarters, plus the typed value when it lies outside them (never lose input). */
function quarterChoices(locale: Locale, strategy: Strategy, current: string) {
  const first = quarterIndex({ year: strategy.startYear, quarter: 1 });
  const last = quarterIndex({ year: strategy.endYear, quarter: 4 });
  const values: string[] = [];
  for (let i = first; i <= last; i++) values.push(formatQuarter(quarterFromIndex(i)));
  if (current !== '' && !values.includes(current)) values.unshift(current);
  return values.map((value) => {
    const quarter = parseQuarter(value);
    return { value, label: quarter ? formatQuarterOf(locale, quarter) : value };
  });
}

function planningFields(ctx: PageContext, data: ActionFormData): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const v = data.values;
  const e = data.errors;
  const l = ctx.locale;
  const others = data.strategy.actions.filter((a) => a.id !== data.actionId);
  return html`${textField({ name: 'departments', label: t('field.departments'), description: t('field.list.hint'), value: v.departments, error: e.departments, required: false, locale: l })}
  ${selectField({ name: 'start', label: t('field.start'), value: v.start, error: e.start, choices: quarterChoices(l, data.strategy, v.start), locale: l })}
  ${selectField({ name: 'end', label: t('field.end'), value: v.end, error: e.end, choices: quarterChoices(l, data.strategy, v.end), locale: l })}
  ${textField({ name: 'budget', label: t('field.budget'), description: t('field.budget.hint'), value: v.budget, error: e.budget, required: false, locale: l })}
  ${selectField({ name: 'budgetKind', label: t('field.budgetKind'), value: v.budgetKind, error: e.budgetKind, required: false, choices: [{ value: '', label: '' }, ...budgetKinds.map((k) => ({ value: k, label: t(`budget.${k}`) }))], locale: l })}
  ${textField({ name: 'partners', label: t('field.partners'), description: t('field.list.hint'), value: v.partners, error: e.partners, required: false, locale: l })}
  ${selectField({ name: 'status', label: t('field.status'), value: v.status, error: e.status, choices: actionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })), locale: l })}
  ${textField({ name: 'progress', label: t('field.progress'), type: 'number', value: v.progress, error: e.progress, locale: l })}
  ${textAreaField({ name: 'milestones', label: t('field.milestones'), description: t('field.milestones.hint'), value: v.milestones, error: e.milestones, rows: 4, locale: l })}
  ${choiceGroup({ type: 'checkbox', name: 'dependsOn', label: t('field.dependsOn'), description: t('field.dependsOn.hint'), error: e.dependsOn, choices: others.map((a) => ({ value: String(a.id), label: `${a.title} (${formatQuarterOf(l, a.start)} – ${formatQuarterOf(l, a.end)})` })), chosen: v.dependsOn, empty: t('field.dependsOn.none'), locale: ctx.locale })}`;
}

export function actionFormPage(ctx: PageContext, data: ActionFormData): string {
  const t = strategyMessage.for(ctx.locale);
  const base = `${strategyBase(data.organisation)}/actions`;
  const title =
    data.actionId === undefined ? t('form.newTitle') : t('form.editTitle', { title: data.values.title });
  const action = data.actionId === undefined ? base : `${base}/${data.actionId}/edit`;
  const v = data.values;
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, data.organisation),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${title}</h1>
      ${data.conflict ? conflictNotice(ctx, data.conflict.name, data.conflict.rows) : ''}
      ${errorSummary(ctx.locale, data.errors)}
      ${data.fromSuggestion ? alert('info', html`<p class="utrecht-paragraph">${t('form.fromSuggestion')}</p>`) : ''}
      <form method="post" action="${action}" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="version" value="${data.version}" />
        <input type="hidden" name="frameworkActionId" value="${v.frameworkActionId}" />
        ${textField({ name: 'title', label: t('field.title'), value: v.title, error: data.errors.title, required: true, locale: ctx.locale })}
        ${textAreaField({ name: 'description', label: t('field.description'), description: t('field.description.hint'), value: v.description, error: data.errors.description, rows: 5, locale: ctx.locale })}
        ${themeSelect(ctx, data)}
        ${choiceGroup({ type: 'checkbox', name: 'taskIds', label: t('field.actionTasks'), description: t('field.actionTasks.hint'), error: data.errors.taskIds, choices: data.framework.societalTasks.map((s) => ({ value: s.id, label: localise(s.title, ctx.locale) })), chosen: v.taskIds, locale: ctx.locale })}
        ${planningFields(ctx, data)}
        <div class="rk-actions">
          ${button(t('form.save'))}
          <a
            class="utrecht-link"
            href="${data.actionId === undefined ? strategyBase(data.organisation) : `${base}/${data.actionId}`}"
            >${t('form.cancel')}</a
          >
        </div>
      </form>
    </div>`,
  });
}
