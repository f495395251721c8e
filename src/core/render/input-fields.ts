import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';

/** Form controls the core components lack: date, time and number inputs; reading checkbox values. */
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
