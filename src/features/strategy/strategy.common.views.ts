import type { OrganisationScope } from '../../core/http/context.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { FieldErrors } from '../../core/render/components.ts';
import { localise, type Framework } from '../framework/index.ts';
import { formatEuros } from './strategy.describe.ts';
import { strategyMessage } from './strategy.messages.ts';
import { formatQuarter, type ActionStatus, type BudgetKind, type StrategyAction } from './strategy.model.ts';

export type Key = Parameters<typeof strategyMessage>[1];
export const tr = (ctx: PageContext) => (k: Key, p?: Record<string, string | number>) =>
  strategyMessage(ctx.locale, k, p);

export const strategyBase = (organisation: OrganisationScope) => `/o/${organisation.code}/strategy`;

export function strategyCrumbs(
  ctx: PageContext,
  organisation: OrganisationScope,
  extra: { href: string; label: string }[] = [],
) {
  return [
    { href: `/o/${organisation.code}`, label: organisation.displayName },
    { href: strategyBase(organisation), label: tr(ctx)('nav') },
    ...extra,
  ];
}

const statusKinds: Record<ActionStatus, string> = {
  planned: 'neutral',
  running: 'info',
  done: 'success',
  paused: 'warning',
  stopped: 'danger',
};

export function actionStatusBadge(ctx: PageContext, status: ActionStatus): SafeHtml {
  return html`<span class="utrecht-status-badge utrecht-status-badge--${statusKinds[status]}"
    >${tr(ctx)(`status.${status}`)}</span
  >`;
}

export function budgetText(ctx: PageContext, cents: number | null, kind: BudgetKind | null): string {
  const t = tr(ctx);
  if (cents === null) return kind ? t(`budget.${kind}`) : t('budget.none');
  const amount = new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
  return kind ? `${amount} (${t(`budget.${kind}`).toLowerCase()})` : amount || formatEuros(cents);
}

export function periodText(action: Pick<StrategyAction, 'start' | 'end'>): string {
  return `${formatQuarter(action.start)} – ${formatQuarter(action.end)}`;
}

export function themeTitle(ctx: PageContext, framework: Framework, themeId: string): string {
  const theme = framework.themes.find((t) => t.id === themeId);
  return theme ? localise(theme.title, ctx.locale) : themeId;
}

export function warningList(warnings: string[]): SafeHtml | '' {
  if (warnings.length === 0) return '';
  return html`<ul class="utrecht-unordered-list rk-warnings">
    ${warnings.map((w) => html`<li>${w}</li>`)}
  </ul>`;
}

export function progressBar(ctx: PageContext, action: Pick<StrategyAction, 'progress' | 'title'>): SafeHtml {
  return html`<progress
      class="rk-progress"
      max="100"
      value="${action.progress}"
      aria-label="${tr(ctx)('column.progress')} ${action.title}: ${action.progress}%"
    ></progress>
    ${action.progress}%`;
}

/** A textarea in the NL Design System form-field frame (the core components have none). */
export function textArea(o: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  description?: string;
  rows?: number;
  locale: PageContext['locale'];
}): SafeHtml {
  const id = `field-${o.name}`;
  const described = [o.description ? `${id}-description` : '', o.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div
    class="utrecht-form-field utrecht-form-field--textarea${o.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${id}">${o.label}</label>
    </div>
    ${o.description ? html`<div class="utrecht-form-field-description" id="${id}-description">${o.description}</div>` : ''}
    ${o.error ? html`<p class="utrecht-form-field-error-message" id="${id}-error"><span class="rk-visually-hidden">${coreMessage(o.locale, 'form.error')} </span>${o.error}</p>` : ''}
    <div class="utrecht-form-field__input">
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea${o.error ? ' utrecht-textarea--invalid' : ''}"
        id="${id}"
        name="${o.name}"
        rows="${o.rows ?? 5}"
        ${o.error ? html`aria-invalid="true"` : ''}
        ${described ? html`aria-describedby="${described}"` : ''}
      >
${o.value}</textarea>
    </div>
  </div>`;
}

/** A group of checkboxes with a legend, hint and error (tasks, dependencies). */
export function checkboxGroup(o: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  choices: { value: string; label: string }[];
  chosen: readonly string[];
  empty?: string;
}): SafeHtml {
  const id = `field-${o.name}`;
  const chosen = new Set(o.chosen);
  const described = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="utrecht-form-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      ${described ? html`aria-describedby="${described}"` : ''}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id="${id}">
        ${o.legend}
      </legend>
      ${o.hint ? html`<p class="utrecht-form-field-description" id="${id}-hint">${o.hint}</p>` : ''}
      ${o.error ? html`<p class="utrecht-form-field-error-message" id="${id}-error">${o.error}</p>` : ''}
      ${o.choices.length === 0 && o.empty ? html`<p class="utrecht-paragraph">${o.empty}</p>` : ''}
      ${o.choices.map(
        (c, i) =>
          html`<div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                id="${id}-${i}"
                name="${o.name}"
                value="${c.value}"
                ${chosen.has(c.value) ? 'checked' : ''}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}-${i}"
                >${c.label}</label
              >
            </div>
          </div>`,
      )}
    </fieldset>
  </div>`;
}

export interface ConflictRow {
  field: string;
  yours: string;
  stored: string;
}

/** Both values side by side when an edit lost the race: nothing the user typed disappears. */
export function conflictNotice(ctx: PageContext, name: string | undefined, rows: ConflictRow[]): SafeHtml {
  const t = tr(ctx);
  return html`<div class="utrecht-alert utrecht-alert--warning" role="alert">
    <div class="utrecht-alert__content">
      <h2 class="utrecht-heading-2">${t('conflict.title')}</h2>
      <p class="utrecht-paragraph">${t('conflict.intro', { name: name ?? t('conflict.someone') })}</p>
      <table class="utrecht-table utrecht-table--html-table rk-compact">
        <caption class="utrecht-table__caption">
          ${t('conflict.caption')}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.field')}</th>
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.yours')}</th>
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.stored')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          ${rows.map(
            (r) =>
              html`<tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">${r.field}</th>
                <td class="utrecht-table__cell">${r.yours}</td>
                <td class="utrecht-table__cell">${r.stored}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}

export function errorsOf(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
