import type { Locale } from '../../core/i18n/i18n.ts';
import { isRegistryLabelKey, registryLabelKeys, registryLabelMessage } from './registries-labels.messages.ts';

function labelIn(locale: Locale, key: string): string | undefined {
  return isRegistryLabelKey(key) ? registryLabelMessage(locale, key) : undefined;
}

export function fieldLabel(locale: Locale, registry: string, key: string): string {
  const own = labelIn(locale, `field.${registry}.${key}`) ?? labelIn(locale, `field.${key}`);
  if (own) return own;
  // A checklist item's note is named after its item: "Toelichting bij Privacy".
  const item = key.endsWith('_note') ? labelIn(locale, `field.${key.slice(0, -'_note'.length)}`) : undefined;
  return item ? registryLabelMessage(locale, 'field.noteOn', { item }) : key;
}

export function optionLabel(locale: Locale, key: string, code: string): string {
  return labelIn(locale, `option.${key}.${code}`) ?? code;
}

/**
 * Each option's label in both languages, by `<field>.<code>`: an import accepts either, typed by
 * hand in a spreadsheet.
 */
export const optionLabels: Record<string, { nl: string; en: string }> = Object.fromEntries(
  registryLabelKeys
    .filter((key) => key.startsWith('option.'))
    .map((key) => [
      key.slice('option.'.length),
      { nl: registryLabelMessage('nl', key), en: registryLabelMessage('en', key) },
    ]),
);
