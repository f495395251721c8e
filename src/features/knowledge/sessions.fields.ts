import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { Choice } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';

/** Form controls the core components lack (a textarea, a checkbox group, date and time inputs). */
const fieldId = (name: string) => `field-${name}`;

interface FieldFrame {
  name: string;
  label: string;
  error?: string | undefined;
  description?: string | undefined;
  locale: Locale;
  isOptional?: boolean;
}

function described(o: FieldFrame): string | undefined {
  const ids = [o.description && `${fieldId(o.name)}-description`, o.error && `${fieldId(o.name)}-error`];
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

function frame(o: FieldFrame, kind: string, control: SafeHtml): SafeHtml {
  return html`<div
    class="utrecht-form-field utrecht-form-field--${kind}${o.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${fieldId(o.name)}"
        >${o.label}${o.isOptional ? html` <span class="rk-optional">${coreMessage(o.locale, 'form.optional')}</span>` : ''}</label
      >
    </div>
    ${o.description ? html`<div class="utrecht-form-field-description" id="${fieldId(o.name)}-description">${o.description}</div>` : ''}
    ${o.error ? html`<p class="utrecht-form-field-error-message" id="${fieldId(o.name)}-error"><span class="rk-visually-hidden">${coreMessage(o.locale, 'form.error')} </span>${o.error}</p>` : ''}
    <div class="utrecht-form-field__input">${control}</div>
  </div>`;
}

export function textareaField(o: FieldFrame & { value: string; rows?: number }): SafeHtml {
  const aria = described(o);
  return frame(
    o,
    'textarea',
    html`<textarea
      class="utrecht-textarea utrecht-textarea--html-textarea${o.error ? ' utrecht-textarea--invalid' : ''}"
      id="${fieldId(o.name)}"
      name="${o.name}"
      rows="${o.rows ?? 6}"
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    >
${o.value}</textarea>`,
  );
}

/** A date, time or number input, typed so that browsers offer their pickers. */
export function typedField(
  o: FieldFrame & { value: string; type: 'date' | 'time' | 'number' | 'url'; min?: string },
): SafeHtml {
  const aria = described(o);
  return frame(
    o,
    'text',
    html`<input
      class="utrecht-textbox utrecht-textbox--html-input rk-textbox--short${o.error ? ' utrecht-textbox--invalid' : ''}"
      id="${fieldId(o.name)}"
      name="${o.name}"
      type="${o.type}"
      value="${o.value}"
      ${o.min ? html`min="${o.min}"` : ''}
      ${o.error ? html`aria-invalid="true"` : ''}
      ${aria ? html`aria-describedby="${aria}"` : ''}
    />`,
  );
}

export function checkboxGroup(o: FieldFrame & { choices: Choice[]; values: string[] }): SafeHtml {
  return html`<div class="utrecht-form-fieldset${o.error ? ' utrecht-form-fieldset--invalid' : ''}">
    <fieldset
      class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      ${o.error ? html`aria-invalid="true" aria-describedby="${fieldId(o.name)}-error"` : ''}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${o.label}${o.isOptional ? html` <span class="rk-optional">${coreMessage(o.locale, 'form.optional')}</span>` : ''}
      </legend>
      ${o.description ? html`<p class="utrecht-form-field-description">${o.description}</p>` : ''}
      ${o.error ? html`<p class="utrecht-form-field-error-message" id="${fieldId(o.name)}-error">${o.error}</p>` : ''}
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
                ${o.values.includes(c.value) ? 'checked' : ''}
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

/** All values of a repeated form field (checkboxes), trimmed, without empties. */
export function formValues(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}
