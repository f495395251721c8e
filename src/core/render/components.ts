import type { Locale } from '../i18n/i18n.ts';
import { coreMessage } from '../i18n/core.messages.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';

/** Field name → message already in the user's language. */
export type FieldErrors = Record<string, string>;

export interface FieldOptions {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'url';
  autocomplete?: string;
  description?: string;
  required?: boolean;
  locale: Locale;
}

const fieldId = (name: string) => `field-${name}`;

function describedBy(name: string, hasDescription: boolean, hasError: boolean): string | undefined {
  const ids = [hasDescription && `${fieldId(name)}-description`, hasError && `${fieldId(name)}-error`].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function fieldError(name: string, locale: Locale, error: string | undefined): SafeHtml | undefined {
  if (!error) return undefined;
  return html`<p class="utrecht-form-field-error-message" id="${fieldId(name)}-error">
    <span class="rk-visually-hidden">${coreMessage(locale, 'form.error')} </span>${error}
  </p>`;
}

function label(o: { name: string; label: string; required?: boolean | undefined; locale: Locale }): SafeHtml {
  return html`<label class="utrecht-form-label" for="${fieldId(o.name)}"
    >${o.label}${
      o.required === false
        ? html` <span class="rk-optional">${coreMessage(o.locale, 'form.optional')}</span>`
        : ''
    }</label
  >`;
}

/** The NL Design System form-field frame: label, description, error, then the control. */
function formField(kind: string, o: Omit<FieldOptions, 'type'>, control: SafeHtml): SafeHtml {
  return html`<div
    class="utrecht-form-field utrecht-form-field--${kind}${o.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">${label(o)}</div>
    ${
      o.description
        ? html`<div class="utrecht-form-field-description" id="${fieldId(o.name)}-description">
            ${o.description}
          </div>`
        : ''
    }
    ${fieldError(o.name, o.locale, o.error)}
    <div class="utrecht-form-field__input">${control}</div>
  </div>`;
}

export function textField(o: FieldOptions): SafeHtml {
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return formField(
    'text',
    o,
    html`<input
      class="utrecht-textbox utrecht-textbox--html-input${o.error ? ' utrecht-textbox--invalid' : ''}"
      id="${fieldId(o.name)}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      value="${o.value ?? ''}"
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
      ${o.required ? html`required aria-required="true"` : ''}
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    />`,
  );
}

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

export function selectField(o: Omit<FieldOptions, 'type'> & { choices: Choice[] }): SafeHtml {
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return formField(
    'select',
    o,
    html`<select
      class="utrecht-select utrecht-select--html-select"
      id="${fieldId(o.name)}"
      name="${o.name}"
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    >
      ${o.choices.map((c) => html`<option value="${c.value}" ${c.value === o.value ? 'selected' : ''}>${c.label}</option>`)}
    </select>`,
  );
}

/** A table with a caption, column headers and a header cell per row; cells may hold markup. */
export function table(o: {
  caption: string;
  columns: { label: string; isNumeric?: boolean }[];
  rows: { header: HtmlValue; cells: HtmlValue[] }[];
  className?: string;
}): SafeHtml {
  const cellClass = (i: number) => `utrecht-table__cell${o.columns[i + 1]?.isNumeric ? ' rk-number' : ''}`;
  return html`<table class="utrecht-table utrecht-table--html-table${o.className ? ` ${o.className}` : ''}">
    <caption class="utrecht-table__caption">
      ${o.caption}
    </caption>
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        ${o.columns.map((c) => html`<th scope="col" class="utrecht-table__header-cell${c.isNumeric ? ' rk-number' : ''}">${c.label}</th>`)}
      </tr>
    </thead>
    <tbody class="utrecht-table__body">
      ${o.rows.map(
        (r) =>
          html`<tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">${r.header}</th>
            ${r.cells.map((cell, i) => html`<td class="${cellClass(i)}">${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function radioGroup(o: Omit<FieldOptions, 'type'> & { choices: Choice[] }): SafeHtml {
  return html`<div class="utrecht-form-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      ${o.error ? html`aria-invalid="true" aria-describedby="${fieldId(o.name)}-error"` : ''}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${o.label}
      </legend>
      ${fieldError(o.name, o.locale, o.error)}
      ${o.choices.map(
        (c, i) =>
          html`<div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__input">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                id="${fieldId(o.name)}-${i}"
                name="${o.name}"
                value="${c.value}"
                ${c.value === o.value ? 'checked' : ''}
                ${c.description ? html`aria-describedby="${fieldId(o.name)}-${i}-description"` : ''}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--radio">
              <label class="utrecht-form-label utrecht-form-label--radio" for="${fieldId(o.name)}-${i}"
                >${c.label}</label
              >
            </div>
            ${
              c.description
                ? html`<div class="utrecht-form-field-description" id="${fieldId(o.name)}-${i}-description">
                    ${c.description}
                  </div>`
                : ''
            }
          </div>`,
      )}
    </fieldset>
  </div>`;
}

/** A multi-line text field (Markdown fields say so in their description). */
export function textAreaField(o: Omit<FieldOptions, 'type' | 'autocomplete'> & { rows?: number }): SafeHtml {
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return formField(
    'textarea',
    o,
    html`<textarea
      class="utrecht-textarea utrecht-textarea--html-textarea${o.error ? ' utrecht-textarea--invalid' : ''}"
      id="${fieldId(o.name)}"
      name="${o.name}"
      rows="${o.rows ?? 5}"
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    >
${o.value ?? ''}</textarea>`,
  );
}

/**
 * Checkboxes under one legend. The fieldset carries the field's id, so the error summary's link
 * lands on the group; `empty` is said when there is nothing to choose.
 */
export function checkboxGroup(
  o: Omit<FieldOptions, 'type' | 'value' | 'autocomplete'> & {
    choices: Choice[];
    values: readonly string[];
    empty?: string;
  },
): SafeHtml {
  const chosen = new Set(o.values);
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return html`<div class="utrecht-form-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      id="${fieldId(o.name)}"
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${o.label}${
          o.required === false
            ? html` <span class="rk-optional">${coreMessage(o.locale, 'form.optional')}</span>`
            : ''
        }
      </legend>
      ${
        o.description
          ? html`<p class="utrecht-form-field-description" id="${fieldId(o.name)}-description">
              ${o.description}
            </p>`
          : ''
      }
      ${fieldError(o.name, o.locale, o.error)}
      ${o.choices.length === 0 && o.empty ? html`<p class="utrecht-paragraph">${o.empty}</p>` : ''}
      ${o.choices.map(
        (c, i) =>
          html`<div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                id="${fieldId(o.name)}-${i}"
                name="${o.name}"
                value="${c.value}"
                ${chosen.has(c.value) ? 'checked' : ''}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="${fieldId(o.name)}-${i}"
                >${c.label}</label
              >
            </div>
          </div>`,
      )}
    </fieldset>
  </div>`;
}

/** Top-of-form summary with links to each invalid field (NL Design System pattern). */
export function errorSummary(locale: Locale, errors: FieldErrors): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  const title =
    entries.length === 1
      ? coreMessage(locale, 'form.errorSummary.one')
      : coreMessage(locale, 'form.errorSummary.many', { count: entries.length });
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert" id="error-summary" tabindex="-1">
    <div class="utrecht-alert__content">
      <p class="utrecht-paragraph"><strong>${title}</strong></p>
      <ul class="utrecht-unordered-list">
        ${entries.map(([name, message]) => html`<li><a class="utrecht-link" href="#${fieldId(name)}">${message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

export function alert(kind: 'info' | 'ok' | 'warning' | 'error', content: HtmlValue): SafeHtml {
  return html`<div
    class="utrecht-alert utrecht-alert--${kind}"
    role="${kind === 'error' ? 'alert' : 'status'}"
  >
    <div class="utrecht-alert__content">${content}</div>
  </div>`;
}

/** A single-button form for one action on a row (remove, revoke), with its CSRF token. */
export function actionButton(o: {
  action: string;
  label: string;
  /** Names the row for screen readers when the label alone ("Remove") is ambiguous. */
  ariaLabel: string;
  csrfToken: string;
  kind?: 'secondary' | 'subtle';
  hidden?: Record<string, string>;
}): SafeHtml {
  return html`<form method="post" action="${o.action}" class="rk-inline-form">
    ${csrfField(o.csrfToken)}
    ${Object.entries(o.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
    <button
      type="submit"
      class="utrecht-button utrecht-button--${o.kind ?? 'secondary'}-action"
      aria-label="${o.ariaLabel}"
    >
      ${o.label}
    </button>
  </form>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

export function button(
  label: string,
  kind: 'primary' | 'secondary' | 'subtle' = 'primary',
  name?: string,
  value?: string,
) {
  return html`<button
    type="submit"
    class="utrecht-button utrecht-button--${kind}-action"
    ${name ? html`name="${name}" value="${value ?? ''}"` : ''}
  >
    ${label}
  </button>`;
}
