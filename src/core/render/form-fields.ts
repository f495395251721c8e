import type { Locale } from '../i18n/i18n.ts';
import { coreMessage } from '../i18n/core.messages.ts';
import { numberHint, type NumberRule } from '../i18n/dutch-input.ts';
import { html, type SafeHtml } from './html.ts';

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

/** " (optional)" after a label or legend, for fields that may stay empty. */
function optionalMark(o: { required?: boolean | undefined; locale: Locale }): SafeHtml | '' {
  return o.required === false
    ? html` <span class="rk-optional">${coreMessage(o.locale, 'form.optional')}</span>`
    : '';
}

function label(o: { name: string; label: string; required?: boolean | undefined; locale: Locale }): SafeHtml {
  return html`<label class="utrecht-form-label" for="${fieldId(o.name)}"
    >${o.label}${optionalMark(o)}</label
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

/** The one `<input>` of the text-like fields below, inside the NL Design System form-field frame. */
function textbox(
  o: Omit<FieldOptions, 'type'>,
  input: { type: string; isShort?: boolean; attributes?: SafeHtml | '' },
): SafeHtml {
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return formField(
    'text',
    o,
    html`<input
      class="utrecht-textbox utrecht-textbox--html-input${input.isShort ? ' rk-textbox--short' : ''}${o.error ? ' utrecht-textbox--invalid' : ''}"
      id="${fieldId(o.name)}"
      name="${o.name}"
      type="${input.type}"
      value="${o.value ?? ''}"
      ${input.attributes ?? ''}
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
      ${o.required ? html`required aria-required="true"` : ''}
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    />`,
  );
}

/** A date, time, number or URL input, typed so that browsers offer their pickers; short. */
export function typedField(
  o: Omit<FieldOptions, 'type' | 'value'> & {
    value: string;
    type: 'date' | 'time' | 'number' | 'url';
    min?: string;
  },
): SafeHtml {
  return textbox(o, { type: o.type, isShort: true, attributes: o.min ? html`min="${o.min}"` : '' });
}

/**
 * A number typed as Dutch people write it ("1.250.000", "1250,50"), read by `readNumber` with the
 * same rule; a text input (not type=number, which refuses commas in some browsers) with the hint.
 */
export function numberField(o: Omit<FieldOptions, 'type' | 'description'> & { rule: NumberRule }): SafeHtml {
  return textbox(
    { ...o, description: numberHint(o.locale, o.rule) },
    {
      type: 'text',
      isShort: true,
      attributes: html`inputmode="${o.rule.decimals === 0 ? 'numeric' : 'decimal'}"`,
    },
  );
}

export function textField(o: FieldOptions): SafeHtml {
  return textbox(o, { type: o.type ?? 'text' });
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

/** A choice of a radio or checkbox group; most choices post under the group's name. */
export interface GroupChoice extends Choice {
  /** Its own field name, for forms that post one field per choice (task.x). */
  name?: string;
  /** A stable id for the box when a browser journey or a link refers to it. */
  id?: string;
  /** Markup that belongs to this choice, such as a field for it: the pair is shown as a card. */
  detail?: SafeHtml;
}

export interface ChoiceGroupOptions extends Omit<FieldOptions, 'type' | 'value' | 'autocomplete'> {
  type: 'radio' | 'checkbox';
  choices: GroupChoice[];
  /** The values that are chosen (one at most for radio buttons). */
  chosen: readonly string[];
  /** Said when there is nothing to choose. */
  empty?: string;
}

function groupChoice(o: ChoiceGroupOptions, c: GroupChoice, i: number, isChosen: boolean): SafeHtml {
  const id = c.id ?? `${fieldId(o.name)}-${i}`;
  const kind = o.type === 'radio' ? 'radio-button' : 'checkbox';
  const field = html`<div class="utrecht-form-field utrecht-form-field--${o.type}">
    <div class="utrecht-form-field__input">
      <input
        type="${o.type}"
        class="utrecht-${kind} utrecht-${kind}--html-input"
        id="${id}"
        name="${c.name ?? o.name}"
        value="${c.value}"
        ${isChosen ? 'checked' : ''}
        ${c.description ? html`aria-describedby="${id}-description"` : ''}
      />
    </div>
    <div class="utrecht-form-field__label utrecht-form-field__label--${o.type}">
      <label class="utrecht-form-label utrecht-form-label--${o.type}" for="${id}">${c.label}</label>
    </div>
    ${
      c.description
        ? html`<div class="utrecht-form-field-description" id="${id}-description">${c.description}</div>`
        : ''
    }
  </div>`;
  return c.detail ? html`<div class="rk-card">${field} ${c.detail}</div>` : field;
}

/**
 * Radio buttons or checkboxes under one legend. The fieldset carries the field's id, so the error
 * summary's link lands on the group, and names its description and error for screen readers.
 */
export function choiceGroup(o: ChoiceGroupOptions): SafeHtml {
  const chosen = new Set(o.chosen);
  const aria = describedBy(o.name, Boolean(o.description), Boolean(o.error));
  return html`<div class="utrecht-form-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      id="${fieldId(o.name)}"
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${o.label}${optionalMark(o)}
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
      ${o.choices.map((c, i) => groupChoice(o, c, i, chosen.has(c.value)))}
    </fieldset>
  </div>`;
}

/** Top-of-form summary with links to each invalid field (NL Design System pattern). */
export function errorSummary(locale: Locale, errors: FieldErrors): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  const title = coreMessage.for(locale).plural('form.errorSummary', entries.length);
  return html`<div class="utrecht-alert utrecht-alert--error" role="alert" id="error-summary" tabindex="-1">
    <div class="utrecht-alert__content">
      <p class="utrecht-paragraph"><strong>${title}</strong></p>
      <ul class="utrecht-unordered-list">
        ${entries.map(([name, message]) => html`<li><a class="utrecht-link" href="#${fieldId(name)}">${message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}
