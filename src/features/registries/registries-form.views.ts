import type { OrganisationScope } from '../../core/http/context.ts';
import { alert, button, csrfField } from '../../core/render/components.ts';
import {
  choiceGroup,
  errorSummary,
  numberField,
  selectField,
  textField,
  typedField,
  type FieldErrors,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { isProcessingField, registryFields, type FieldSpec } from './registries-fields.ts';
import type { RegistryKind } from './registries.tables.ts';
import type { Raw } from './registries-values.ts';
import { choiceLabel, labelOf, registryCrumbs, registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';

export interface EntryForm {
  organisation: OrganisationScope;
  registry: RegistryKind;
  /** Undefined for a new entry. */
  entry?: { id: number; name: string; version: number } | undefined;
  values: Raw;
  errors: FieldErrors;
  /** After a concurrent change: per field, what is stored now and what the user typed. */
  conflicts?: { label: string; current: string; typed: string }[] | undefined;
  problem?: string | undefined;
  contractNames: readonly string[];
  societalTasks: readonly string[];
  /** The entries of other registers an algorithm may link to, by name. */
  linkedNames: { assessments: readonly string[]; dataSources: readonly string[] };
}

const id = (key: string) => `field-${key}`;

function kindHint(ctx: PageContext, field: FieldSpec): string | undefined {
  const t = registryMessage.for(ctx.locale);
  if (field.kind === 'partners') return t('hint.partners');
  if (field.kind === 'list') return t('hint.list');
  if (field.kind === 'links') return t('hint.links');
  if (field.kind === 'month') return t('hint.month');
  if (field.key === 'openness') return t('hint.openNeeds');
  if (field.key === 'hosting') return t('hint.hosting');
  if (isProcessingField(field.key)) return t('hint.processing');
  return undefined;
}

/** The standard's own help text, how to write the value, and the longest text accepted. */
function hint(ctx: PageContext, field: FieldSpec): string | undefined {
  const t = registryMessage.for(ctx.locale);
  const max = field.maxLength === undefined ? undefined : t('hint.maxLength', { max: field.maxLength });
  const parts = [field.help, kindHint(ctx, field), max].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function choices(ctx: PageContext, form: EntryForm, field: FieldSpec, label: string): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const codes =
    field.optionSource === 'assessments'
      ? form.linkedNames.assessments
      : field.optionSource === 'dataSources'
        ? form.linkedNames.dataSources
        : (field.options ?? []);
  const description = hint(ctx, field);
  return choiceGroup({
    type: 'checkbox',
    name: field.key,
    label,
    locale: ctx.locale,
    error: form.errors[field.key],
    ...(description ? { description } : {}),
    required: field.isRequired === true,
    choices: codes.map((code) => ({ value: code, label: choiceLabel(ctx.locale, field, code) })),
    chosen: (form.values[field.key] ?? '').split('\n').map((v) => v.trim()),
    empty: t('form.noEntries'),
  });
}

function textarea(ctx: PageContext, form: EntryForm, field: FieldSpec, label: string): SafeHtml {
  const error = form.errors[field.key];
  const description = hint(ctx, field);
  const describedBy = [description && `${id(field.key)}-description`, error && `${id(field.key)}-error`]
    .filter(Boolean)
    .join(' ');
  return html`<div
    class="utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${id(field.key)}">${label}</label>
    </div>
    ${description ? html`<div class="utrecht-form-field-description" id="${id(field.key)}-description">${description}</div>` : ''}
    ${error ? html`<p class="utrecht-form-field-error-message" id="${id(field.key)}-error">${error}</p>` : ''}
    <div class="utrecht-form-field__input">
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id="${id(field.key)}"
        name="${field.key}"
        rows="${field.kind === 'partners' ? 5 : 3}"
        ${error ? html`aria-invalid="true"` : ''}
        ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      >
${form.values[field.key] ?? ''}</textarea>
    </div>
  </div>`;
}

function checkbox(form: EntryForm, field: FieldSpec, label: string): SafeHtml {
  const error = form.errors[field.key];
  const isChecked = ['ja', 'yes', 'true', '1', 'on'].includes((form.values[field.key] ?? '').toLowerCase());
  return html`<div class="utrecht-form-field utrecht-form-field--checkbox">
    ${error ? html`<p class="utrecht-form-field-error-message" id="${id(field.key)}-error">${error}</p>` : ''}
    <div class="utrecht-form-field__input">
      <input
        type="checkbox"
        class="utrecht-checkbox utrecht-checkbox--html-input"
        id="${id(field.key)}"
        name="${field.key}"
        value="ja"
        ${isChecked ? 'checked' : ''}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id(field.key)}">${label}</label>
    </div>
  </div>`;
}

function control(ctx: PageContext, form: EntryForm, field: FieldSpec): SafeHtml {
  const label = labelOf(ctx.locale, form.registry, field.key);
  const common = {
    name: field.key,
    label,
    value: form.values[field.key] ?? '',
    error: form.errors[field.key],
    locale: ctx.locale,
  };
  const description = hint(ctx, field);
  switch (field.kind) {
    case 'textarea':
    case 'partners':
    case 'links':
      return textarea(ctx, form, field, label);
    case 'choices':
    case 'entries':
      return choices(ctx, form, field, label);
    case 'boolean':
      return checkbox(form, field, label);
    case 'date':
      return typedField({ ...common, type: 'date' });
    case 'number':
      return numberField({
        ...common,
        rule: field.number ?? { decimals: 0, min: 0, max: Number.MAX_SAFE_INTEGER },
      });
    case 'select': {
      const codes =
        field.optionSource === 'contracts'
          ? form.contractNames
          : field.optionSource === 'societalTasks'
            ? form.societalTasks
            : field.optionSource === 'assessments'
              ? form.linkedNames.assessments
              : (field.options ?? []);
      const choices = codes.map((code) => ({ value: code, label: choiceLabel(ctx.locale, field, code) }));
      return selectField({
        ...common,
        ...(description ? { description } : {}),
        choices:
          field.isRequired && common.value !== ''
            ? choices
            : [{ value: '', label: registryMessage.for(ctx.locale)('form.none') }, ...choices],
      });
    }
    default:
      return textField({
        ...common,
        ...(description ? { description } : {}),
        type: field.kind === 'url' ? 'url' : field.kind === 'email' ? 'email' : 'text',
        required: field.isRequired === true,
      });
  }
}

/** The VNG principles or procurement points: a checkbox and a note per item, under one legend. */
function group(
  ctx: PageContext,
  form: EntryForm,
  name: 'vng' | 'procurement',
  fields: FieldSpec[],
): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const items = fields.filter((f) => f.group === name && f.kind === 'boolean');
  return html`<fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset rk-card">
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${t(`group.${name}`)}
    </legend>
    <p class="utrecht-paragraph">${t(`group.${name}.hint`)}</p>
    ${items.map((item) => {
      const note = fields.find((f) => f.key === `${item.key}_note`);
      const label = labelOf(ctx.locale, form.registry, item.key);
      return html`${checkbox(form, item, label)}
      ${note ? textarea(ctx, form, note, t('form.note', { label })) : ''}`;
    })}
  </fieldset>`;
}

export function entryFormPage(ctx: PageContext, form: EntryForm): string {
  const t = registryMessage.for(ctx.locale);
  const fields = registryFields[form.registry];
  const base = registryPath(form.organisation, form.registry);
  const title = form.entry
    ? t('form.edit', { name: form.entry.name })
    : t('form.new', { register: t(`register.${form.registry}`) });
  const action = form.entry ? `${base}/${form.entry.id}` : base;
  const groups = [...new Set(fields.map((f) => f.group).filter((g) => g !== undefined))];
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, form.organisation, form.registry),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${title}</h1>
      ${errorSummary(ctx.locale, form.errors)}
      ${form.problem ? alert('error', html`<p class="utrecht-paragraph">${form.problem}</p>`) : ''}
      ${
        form.conflicts
          ? alert(
              'warning',
              html`<p class="utrecht-paragraph">${t('form.conflict')}</p>
                <ul class="utrecht-unordered-list">
                  ${form.conflicts.map((c) => html`<li>${t('form.conflictField', c)}</li>`)}
                </ul>`,
            )
          : ''
      }
      <form method="post" action="${action}" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${form.entry ? html`<input type="hidden" name="version" value="${form.entry.version}" />` : ''}
        ${fields.filter((f) => f.group === undefined).map((f) => control(ctx, form, f))}
        ${groups.map((g) => group(ctx, form, g, fields))}
        <div class="rk-actions">
          ${button(t('form.save'))}
          <a class="utrecht-link" href="${form.entry ? `${base}/${form.entry.id}` : base}"
            >${t('form.cancel')}</a
          >
        </div>
      </form>
    </div>`,
  });
}
