export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A catalogue bound to one locale, as views use it: `t('title')`, `t('count', { n: 3 })`. */
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** A feature's catalogue: call it with a locale, or bind it once per page with `.for(locale)`. */
export interface Messages<K extends string> {
  (locale: Locale, key: K, params?: Params): string;
  for(locale: Locale): Translate<K>;
}

/**
 * Each feature defines its own messages; the English catalogue must have every Dutch key (the
 * compiler checks it). The bound translators are made once, so `.for()` costs nothing per call.
 */
export function defineMessages<K extends string>(catalogue: {
  nl: Record<K, string>;
  en: Record<K, string>;
}): Messages<K> {
  const bind =
    (locale: Locale): Translate<K> =>
    (key, params) =>
      interpolate(catalogue[locale][key], params);
  const bound: Record<Locale, Translate<K>> = { nl: bind('nl'), en: bind('en') };
  const message = (locale: Locale, key: K, params?: Params): string => bound[locale](key, params);
  return Object.assign(message, { for: (locale: Locale) => bound[locale] });
}

const dateFormats: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

// Intl formatters are costly to build (about 0.3 ms each): one per locale and style, made once.
const dateTimeFormats = formatsPerLocale({
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const dateOnlyFormats = formatsPerLocale({ dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

function formatsPerLocale(options: Intl.DateTimeFormatOptions): Record<Locale, Intl.DateTimeFormat> {
  return {
    nl: new Intl.DateTimeFormat(dateFormats.nl, options),
    en: new Intl.DateTimeFormat(dateFormats.en, options),
  };
}

export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormats[locale].format(date);
}

export function formatDate(locale: Locale, date: Date): string {
  return dateOnlyFormats[locale].format(date);
}

const decimal = (locale: Locale) =>
  new Intl.NumberFormat(dateFormats[locale], { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const decimalFormats: Record<Locale, Intl.NumberFormat> = { nl: decimal('nl'), en: decimal('en') };
const integerFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(dateFormats.nl),
  en: new Intl.NumberFormat(dateFormats.en),
};

/** A score or other decimal: one or two decimals, in the user's number format (2,5 / 2.5). */
export function formatDecimal(locale: Locale, n: number): string {
  return decimalFormats[locale].format(n);
}

/** A whole number with the user's grouping (670.000 / 670,000). */
export function formatInteger(locale: Locale, n: number): string {
  return integerFormats[locale].format(n);
}
