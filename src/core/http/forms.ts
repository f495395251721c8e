import { coreMessage } from '../i18n/core.messages.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { FieldErrors } from '../render/form-fields.ts';

/** A form field's value as a trimmed string ('' when absent or repeated oddly). */
export function formValue(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value.trim();
  return '';
}

/** Every value of a repeated field (checkboxes), trimmed, without empties. */
export function formValues(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Passwords are taken as typed: leading spaces are part of them. */
export function formSecret(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** Collects one message per field, in the user's language, in the order of the form. */
export class FormChecker {
  readonly errors: FieldErrors = {};
  constructor(private readonly locale: Locale) {}

  required(name: string, label: string, value: string, max = 200): this {
    if (value === '')
      this.add(name, coreMessage(this.locale, 'form.required', { label: label.toLowerCase() }));
    else if (value.length > max) this.add(name, coreMessage(this.locale, 'form.tooLong', { label, max }));
    return this;
  }

  email(name: string, label: string, value: string): this {
    if (value === '') return this.required(name, label, value);
    if (!isEmail(value)) this.add(name, coreMessage(this.locale, 'form.email'));
    return this;
  }

  oneOf(name: string, label: string, value: string, allowed: readonly string[]): this {
    if (!allowed.includes(value))
      this.add(name, coreMessage(this.locale, 'form.choose', { label: label.toLowerCase() }));
    return this;
  }

  add(name: string, message: string): this {
    this.errors[name] ??= message;
    return this;
  }

  get isValid(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}
