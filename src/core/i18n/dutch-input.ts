/**
 * One reader for numbers and dates as Dutch officials type them, used by every form and import.
 *
 * Numbers: a comma is the decimal separator ("1250,50"); points or spaces group thousands
 * ("1.250.000", "1 250 000"); a euro sign or "EUR" in front is ignored. One exception, because
 * spreadsheets and English habits produce it: a single point followed by one or two digits is a
 * decimal point ("1250.50", "12.5"). With both a point and a comma, the last one is the decimal
 * separator and the other must group thousands ("1.250,50", "1,250.50"). Anything else that could be
 * read two ways ("1,250", "1.2345", "1,250,000", "0.125") is refused, never guessed.
 *
 * Dates: "2028-12-31" (ISO, what date inputs send), and "31-12-2028", "31/12/2028" or "31.12.2028"
 * (day first, as Dutch people write). A date that does not exist in the calendar is refused.
 */
import { coreMessage } from './core.messages.ts';
import { formatNumber, localeTags, type Locale } from './i18n.ts';

export interface NumberRule {
  /** How many digits may follow the decimal separator: 0 for whole numbers (months, people). */
  decimals: number;
  min: number;
  max: number;
}

export type NumberProblem = 'format' | 'notWhole' | 'tooManyDecimals' | 'range';
export type NumberReading = { ok: true; value: number } | { ok: false; problem: NumberProblem };

const grouped = (separator: string) => new RegExp(`^[1-9]\\d{0,2}(\\${separator}\\d{3})+$`);
const groupedBy = { '.': grouped('.'), ',': grouped(','), ' ': grouped(' ') } as const;

/** Splits "1.250,50" into whole digits and fraction digits, or undefined when it is ambiguous. */
function splitDigits(text: string): { whole: string; fraction: string } | undefined {
  if (!/^[\d., ]+$/.test(text) || !/^\d/.test(text) || !/\d$/.test(text)) return undefined;
  const points = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  const hasSpace = text.includes(' ');
  let whole = text;
  let fraction = '';
  if (points > 0 && commas > 0) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (text.split(decimal).length !== 2) return undefined;
    [whole = '', fraction = ''] = text.split(decimal);
    if (hasSpace || !groupedBy[group].test(whole)) return undefined;
  } else if (commas === 1) {
    // "1,250" is 1.25 to a Dutch reader and 1250 to an English one.
    if (/^\d{1,3},\d{3}$/.test(text)) return undefined;
    [whole = '', fraction = ''] = text.split(',');
  } else if (commas > 1) {
    return undefined;
  } else if (points === 1 && /\.\d{1,2}$/.test(text)) {
    [whole = '', fraction = ''] = text.split('.');
  } else if (points >= 1) {
    if (hasSpace || !groupedBy['.'].test(text)) return undefined;
  }
  if (whole.includes(' ') && !groupedBy[' '].test(whole)) return undefined;
  if (whole.includes('.') && !groupedBy['.'].test(whole)) return undefined;
  whole = whole.replace(/[. ,]/g, '');
  if (!/^\d+$/.test(whole) || (fraction !== '' && !/^\d+$/.test(fraction))) return undefined;
  return { whole, fraction };
}

/** Reads a number by {@link NumberRule}; the caller turns a problem into a message with an example. */
export function readNumber(input: string, rule: NumberRule): NumberReading {
  let text = input
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/^(€|eur\b)\s*/i, '');
  const isNegative = /^[-−]/.test(text);
  if (isNegative) text = text.slice(1).trimStart();
  if (text.length === 0 || text.length > 24) return { ok: false, problem: 'format' };
  const digits = splitDigits(text);
  if (!digits) return { ok: false, problem: 'format' };
  const fraction = digits.fraction.replace(/0+$/, '');
  if (fraction.length > rule.decimals)
    return { ok: false, problem: rule.decimals === 0 ? 'notWhole' : 'tooManyDecimals' };
  const magnitude = Number(fraction === '' ? digits.whole : `${digits.whole}.${fraction}`);
  const value = isNegative ? -magnitude : magnitude;
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return { ok: false, problem: 'range' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

export type DateReading = { ok: true; value: string } | { ok: false };

/** Reads a calendar day; the value is ISO ("2028-12-31"). */
export function readDate(input: string): DateReading {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dutch
      ? [dutch[4], dutch[3], dutch[1]]
      : [undefined, undefined, undefined];
  if (year === undefined || month === undefined || day === undefined) return { ok: false };
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return { ok: false };
  return { ok: true, value };
}

/** An example of a valid value for the rule, written as the user's language writes it. */
function exampleFor(locale: Locale, rule: NumberRule): string {
  const sample = Math.min(rule.max, rule.decimals === 0 ? 1250 : 1250.5);
  const value = sample < rule.min ? rule.min : sample;
  return new Intl.NumberFormat(localeTags[locale], { maximumFractionDigits: rule.decimals }).format(value);
}

/** The hint to show under a number field: what it takes and how decimals are written. */
export function numberHint(locale: Locale, rule: NumberRule): string {
  const example = exampleFor(locale, rule);
  return coreMessage(locale, rule.decimals === 0 ? 'input.number.hint.whole' : 'input.number.hint.decimal', {
    example,
  });
}

/** The message for a refused number, with an example of what is accepted. */
export function numberProblemMessage(
  locale: Locale,
  problem: NumberProblem,
  rule: NumberRule,
  typed: string,
): string {
  const example = exampleFor(locale, rule);
  if (problem === 'range')
    return coreMessage(locale, 'input.number.range', {
      min: formatNumber(locale, rule.min),
      max: formatNumber(locale, rule.max),
    });
  if (problem === 'notWhole') return coreMessage(locale, 'input.number.notWhole', { example });
  if (problem === 'tooManyDecimals')
    return coreMessage(locale, 'input.number.tooManyDecimals', { decimals: rule.decimals, example });
  return coreMessage(locale, 'input.number.format', { value: typed, example });
}

export function dateProblemMessage(locale: Locale, typed: string): string {
  return coreMessage(locale, 'input.date.format', { value: typed });
}
