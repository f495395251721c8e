import type { Locale } from '../../core/i18n/i18n.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { intakeMessage } from './intake.messages.ts';
import { honeypotField, stampField } from './intake-spam.ts';
import { mediaTypes } from '../../core/http/content-types.ts';

const fieldId = (name: string) => `field-${name}`;

function errorLine(name: string, locale: Locale, error: string | undefined): SafeHtml | '' {
  if (!error) return '';
  return html`<p class="utrecht-form-field-error-message" id="${fieldId(name)}-error">
    <span class="rk-visually-hidden">${coreMessage(locale, 'form.error')} </span>${error}
  </p>`;
}

export function checkbox(o: {
  name: string;
  label: string;
  isChecked: boolean;
  locale: Locale;
  error?: string | undefined;
}): SafeHtml {
  return html`<div
    class="utrecht-form-field utrecht-form-field--checkbox${o.error ? ' utrecht-form-field--invalid' : ''}"
  >
    ${errorLine(o.name, o.locale, o.error)}
    <div class="utrecht-form-field__input">
      <input
        type="checkbox"
        class="utrecht-checkbox utrecht-checkbox--html-input"
        id="${fieldId(o.name)}"
        name="${o.name}"
        value="yes"
        ${o.isChecked ? 'checked' : ''}
        ${o.error ? html`aria-invalid="true" aria-describedby="${fieldId(o.name)}-error"` : ''}
      />
    </div>
    <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
      <label class="utrecht-form-label utrecht-form-label--checkbox" for="${fieldId(o.name)}"
        >${o.label}</label
      >
    </div>
  </div>`;
}

/**
 * The honeypot (off-screen; its label asks people who meet it with a screen reader to leave it
 * empty) and the signed time stamp of when the form was shown.
 */
export function spamFields(locale: Locale, stamp: string, honeypot = ''): SafeHtml {
  return html`<div class="rk-visually-hidden">
      <label for="${fieldId(honeypotField)}">${intakeMessage(locale, 'spam.honeypot.label')}</label>
      <input
        type="text"
        id="${fieldId(honeypotField)}"
        name="${honeypotField}"
        value="${honeypot}"
        tabindex="-1"
        autocomplete="off"
      />
    </div>
    <input type="hidden" name="${stampField}" value="${stamp}" />`;
}

export function fileField(o: {
  name: string;
  label: string;
  locale: Locale;
  error?: string | undefined;
  description?: string;
}): SafeHtml {
  return html`<div
    class="utrecht-form-field utrecht-form-field--text${o.error ? ' utrecht-form-field--invalid' : ''}"
  >
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${fieldId(o.name)}">${o.label}</label>
    </div>
    ${o.description ? html`<div class="utrecht-form-field-description" id="${fieldId(o.name)}-description">${o.description}</div>` : ''}
    ${errorLine(o.name, o.locale, o.error)}
    <div class="utrecht-form-field__input">
      <input
        type="file"
        id="${fieldId(o.name)}"
        name="${o.name}"
        accept="${mediaTypes.pdf},.pdf"
        ${o.error ? html`aria-invalid="true" aria-describedby="${fieldId(o.name)}-error"` : ''}
      />
    </div>
  </div>`;
}

export function notice(text: string | undefined): SafeHtml | '' {
  return text
    ? html`<div class="utrecht-alert utrecht-alert--ok" role="status">
        <div class="utrecht-alert__content"><p class="utrecht-paragraph">${text}</p></div>
      </div>`
    : '';
}

export function problem(text: string | undefined): SafeHtml | '' {
  return text
    ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">
        <div class="utrecht-alert__content"><p class="utrecht-paragraph">${text}</p></div>
      </div>`
    : '';
}
