import { apiResources, apiTokenAccess, type ApiResource } from '../../core/auth/auth.tables.ts';
import { FormChecker, formValue, formValues } from '../../core/http/forms.ts';
import { readDate } from '../../core/i18n/dutch-input.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { apiTokensMessage } from './api-tokens.messages.ts';
import type { ApiTokenGrant } from './api-tokens.service.ts';

/** A token lives at most two years: long enough for a yearly report, short enough to be renewed. */
export const maxTokenYears = 2;

export interface TokenFormValues {
  name: string;
  access: string;
  resources: string[];
  /** ISO date. */
  expires: string;
}

/** The form of a new token, filled in: read access to everything for a year. */
export function defaultTokenForm(today = new Date()): TokenFormValues {
  return { name: '', access: 'read', resources: [...apiResources], expires: yearsFrom(today, 1) };
}

export function yearsFrom(day: Date, years: number): string {
  const date = new Date(day);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/**
 * The new-token form, checked: a name, read or read-write, at least one resource, and an expiry
 * date from tomorrow up to two years ahead. Gives the grant only when every field is right.
 */
export function readTokenForm(
  body: unknown,
  locale: Locale,
  today = new Date(),
): { values: TokenFormValues; errors: FieldErrors; grant?: ApiTokenGrant } {
  const t = apiTokensMessage.for(locale);
  const values: TokenFormValues = {
    name: formValue(body, 'name'),
    access: formValue(body, 'access'),
    resources: formValues(body, 'resources'),
    expires: formValue(body, 'expires'),
  };
  const form = new FormChecker(locale)
    .required('name', t('new.name'), values.name, 100)
    .oneOf('access', t('new.access'), values.access, apiTokenAccess);
  const resources = values.resources.filter((r): r is ApiResource =>
    (apiResources as readonly string[]).includes(r),
  );
  if (resources.length === 0 || resources.length !== values.resources.length)
    form.add('resources', t('new.resources.error'));
  const date = readDate(values.expires);
  if (!date.ok) form.add('expires', t('new.expires.error'));
  else if (date.value <= yearsFrom(today, 0) || date.value > yearsFrom(today, maxTokenYears))
    form.add('expires', t('new.expires.range', { years: maxTokenYears }));
  if (!form.isValid || !date.ok) return { values, errors: form.errors };
  return {
    values,
    errors: {},
    grant: {
      access: values.access === 'read-write' ? 'read-write' : 'read',
      resources,
      // The token works through the whole of its last day (UTC).
      expiresAt: new Date(`${date.value}T23:59:59Z`),
    },
  };
}
