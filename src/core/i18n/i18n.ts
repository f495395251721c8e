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

/** The stem of each pair of keys `stem.one` / `stem.other` in a catalogue. */
export type PluralKey<K extends string> = PluralStem<K, K>;
type PluralStem<Each extends string, All extends string> = Each extends `${infer Stem}.one`
  ? `${Stem}.other` extends All
    ? Stem
    : never
  : never;

/**
 * A catalogue bound to one locale, as views use it: `t('title')`, `t('greeting', { name })`, and
 * for every count `t.plural('team.members', 3)`, which picks `team.members.one` ("{count} lid")
 * or `team.members.other` ("{count} leden") and fills in the count in the user's number format.
 */
export interface Translate<K extends string> {
  (key: K, params?: Params): string;
  plural(stem: PluralKey<K>, count: number, params?: Params): string;
}

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
  const bind = (locale: Locale): Translate<K> => {
    const strings: Record<string, string | undefined> = catalogue[locale];
    const translate = (key: K, params?: Params) => interpolate(catalogue[locale][key], params);
    const plural = (stem: PluralKey<K>, count: number, params?: Params) => {
      const template = strings[`${stem}.${pluralForm(locale, count)}`] ?? strings[`${stem}.other`] ?? stem;
      return interpolate(template, { ...params, count: formatInteger(locale, count) });
    };
    return Object.assign(translate, { plural });
  };
  const bound: Record<Locale, Translate<K>> = { nl: bind('nl'), en: bind('en') };
  const message = (locale: Locale, key: K, params?: Params): string => bound[locale](key, params);
  return Object.assign(message, { for: (locale: Locale) => bound[locale] });
}

/** The BCP-47 tag of each locale: for Intl, for `lang` attributes and for document metadata. */
export const localeTags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

// Intl formatters are costly to build (about 0.3 ms each): one per locale and style, made once.
function perLocale<F>(make: (tag: string) => F): Record<Locale, F> {
  return { nl: make(localeTags.nl), en: make(localeTags.en) };
}
const dateTimeFormat = (options: Intl.DateTimeFormatOptions) =>
  perLocale((tag) => new Intl.DateTimeFormat(tag, options));
const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
  perLocale((tag) => new Intl.NumberFormat(tag, options));

const amsterdam = 'Europe/Amsterdam';
const dateTimeFormats = dateTimeFormat({ dateStyle: 'long', timeStyle: 'short', timeZone: amsterdam });
const dateOnlyFormats = dateTimeFormat({ dateStyle: 'long', timeZone: amsterdam });
const timeOnlyFormats = dateTimeFormat({ timeStyle: 'short', timeZone: amsterdam });
// A calendar day has no time zone: read and write it in UTC so that it never shifts a day.
const calendarDayFormats = dateTimeFormat({ dateStyle: 'long', timeZone: 'UTC' });
// Canada writes dates as yyyy-mm-dd: the cheapest way to get Amsterdam's date in ISO form.
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: amsterdam });

export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormats[locale].format(date);
}

export function formatDate(locale: Locale, date: Date): string {
  return dateOnlyFormats[locale].format(date);
}

/** The time of day in the Netherlands (14:30 / 14:30). */
export function formatTime(locale: Locale, date: Date): string {
  return timeOnlyFormats[locale].format(date);
}

/** A calendar day given as yyyy-mm-dd, in words ("3 maart 2026" / "3 March 2026"). */
export function formatCalendarDay(locale: Locale, isoDay: string): string {
  return calendarDayFormats[locale].format(new Date(`${isoDay}T00:00:00Z`));
}

/** The date in the Netherlands at that moment, as yyyy-mm-dd. */
export function isoDayInAmsterdam(date: Date): string {
  return isoDayFormat.format(date);
}

const decimalFormats = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 2 });
const oneDecimalFormats = numberFormat({ maximumFractionDigits: 1 });
const plainFormats = numberFormat();
const euroFormats = numberFormat({ style: 'currency', currency: 'EUR' });
const wholeEuroFormats = numberFormat({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** A score or other decimal: one or two decimals, in the user's number format (2,5 / 2.5). */
export function formatDecimal(locale: Locale, n: number): string {
  return decimalFormats[locale].format(n);
}

/** At most one decimal, none when it is whole (1,5 / 2). */
export function formatOneDecimal(locale: Locale, n: number): string {
  return oneDecimalFormats[locale].format(n);
}

/** A whole number with the user's grouping (670.000 / 670,000). */
export function formatInteger(locale: Locale, n: number): string {
  return plainFormats[locale].format(n);
}

/** Any number in the user's format, with up to three decimals (Intl's default). */
export function formatNumber(locale: Locale, n: number): string {
  return plainFormats[locale].format(n);
}

/**
 * An amount of euro cents as "€ 12.500" / "€12,500": with cents only when there are any, or
 * never with `{ cents: false }` (rounded to whole euros).
 */
export function formatEuros(locale: Locale, cents: number, options: { cents?: boolean } = {}): string {
  const isWhole = options.cents === false || cents % 100 === 0;
  return (isWhole ? wholeEuroFormats : euroFormats)[locale].format(cents / 100);
}

const pluralRules = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/**
 * The one way to say a count: the singular or plural text of a catalogue, with the count formatted
 * (`plural(locale, n, 'team.members')` with keys `team.members.one` "{count} lid" and
 * `team.members.other` "{count} leden"). Dutch and English have only these two forms.
 */
export function pluralForm(locale: Locale, count: number): 'one' | 'other' {
  return pluralRules[locale].select(count) === 'one' ? 'one' : 'other';
}

const quarterLetters: Record<Locale, string> = { nl: 'K', en: 'Q' };

/** A quarter as people write it: "K1 2026" in Dutch, "Q1 2026" in English. */
export function formatQuarterOf(locale: Locale, quarter: { year: number; quarter: number }): string {
  return `${quarterLetters[locale]}${quarter.quarter} ${quarter.year}`;
}
