import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type HtmlValue } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import type { FieldSpec } from './registries-fields.ts';
import { fieldLabel, optionLabel } from './registries-labels.ts';
import { registryMessage } from './registries.messages.ts';
import type { FieldValue, RegistryKind } from './registries.tables.ts';
import { formatCalendarDay, formatEuros, formatNumber } from '../../core/i18n/i18n.ts';

export const registriesPath = (organisation: { code: string }) => `/o/${organisation.code}/registers`;
export const registryPath = (organisation: { code: string }, registry: RegistryKind) =>
  `${registriesPath(organisation)}/${registry}`;

export function registryCrumbs(ctx: PageContext, organisation: OrganisationScope, registry?: RegistryKind) {
  const t = registryMessage.for(ctx.locale);
  return [
    { href: `/o/${organisation.code}`, label: organisation.displayName },
    { href: registriesPath(organisation), label: t('nav') },
    ...(registry ? [{ href: registryPath(organisation, registry), label: t(`register.${registry}`) }] : []),
  ];
}

export function societalTaskIds(): string[] {
  return getFramework(latestFrameworkVersion()).societalTasks.map((task) => task.id);
}

function societalTaskLabel(locale: Locale, id: string): string {
  const task = getFramework(latestFrameworkVersion()).societalTasks.find((s) => s.id === id);
  return task ? localise(task.title, locale) : id;
}

export function choiceLabel(locale: Locale, field: FieldSpec, code: string): string {
  if (field.optionSource === 'societalTasks') return societalTaskLabel(locale, code);
  // Entries of another register are named by their own names.
  if (field.optionSource !== undefined) return code;
  return optionLabel(locale, field.key, code);
}

/** A stored value as the page shows it. */
export function displayValue(locale: Locale, field: FieldSpec, value: FieldValue | undefined): HtmlValue {
  const t = registryMessage.for(locale);
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (typeof value === 'number')
    return field.key === 'value_eur'
      ? formatEuros(locale, Math.round(value * 100))
      : formatNumber(locale, value);
  if (typeof value === 'string' && field.kind === 'date') return formatCalendarDay(locale, value);
  if (typeof value === 'string') return field.kind === 'select' ? choiceLabel(locale, field, value) : value;
  if (value.length === 0) return '—';
  return html`<ul class="utrecht-unordered-list">
    ${value.map((item) =>
      typeof item === 'string'
        ? html`<li>${field.kind === 'choices' ? choiceLabel(locale, field, item) : item}</li>`
        : 'kind' in item
          ? html`<li>${item.name} (${optionLabel(locale, 'partner', item.kind)})</li>`
          : html`<li><a class="utrecht-link" href="${item.link}">${item.title}</a></li>`,
    )}
  </ul>`;
}

export const labelOf = (locale: Locale, registry: RegistryKind, key: string) =>
  fieldLabel(locale, registry, key);
