import { formatQuarterOf, type Locale } from '../../core/i18n/i18n.ts';
import type { Choice } from '../../core/render/form-fields.ts';
import { quarterOf } from './workspace-figures.ts';
import { reportMessage } from './report.messages.ts';

/**
 * The period of a region report: from the start of a quarter or year to the end of a quarter or year,
 * in the Dutch calendar (a question asked at 00:30 on 1 April in Amsterdam is in the second quarter).
 * A field's value is "2026" (the whole year) or "2026-3" (the third quarter).
 */
export interface Quarter {
  year: number;
  quarter: number;
}

export interface ReportPeriod {
  from: Quarter;
  to: Quarter;
}

/** How many years back the form offers, the current year included. */
export const reportYears = 5;

const pattern = /^(\d{4})(?:-([1-4]))?$/;

function currentYear(now: Date): number {
  return Number(quarterOf(now).split('-')[0]);
}

/** The years the form offers, newest first: the current year and the four before it. */
export function offeredYears(now: Date): number[] {
  const year = currentYear(now);
  return Array.from({ length: reportYears }, (_, i) => year - i);
}

/** The values a field may take: each offered year and each of its quarters. */
export function periodChoices(locale: Locale, now: Date): Choice[] {
  return offeredYears(now).flatMap((year) => [
    { value: String(year), label: reportMessage(locale, 'period.wholeYear', { year }) },
    ...[1, 2, 3, 4].map((quarter) => ({
      value: `${year}-${quarter}`,
      label: formatQuarterOf(locale, { year, quarter }),
    })),
  ]);
}

/** A field's value as the quarter it starts (`edge` 'from') or ends ('to'); undefined when not offered. */
export function boundOf(value: string, edge: 'from' | 'to', now: Date): Quarter | undefined {
  const match = pattern.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (!offeredYears(now).includes(year)) return undefined;
  const quarter = match[2] ? Number(match[2]) : edge === 'from' ? 1 : 4;
  return { year, quarter };
}

const rank = (q: Quarter) => q.year * 10 + q.quarter;

/** The form's default: the current year. */
export function defaultPeriodValues(now: Date): { from: string; to: string } {
  const year = String(currentYear(now));
  return { from: year, to: year };
}

export type PeriodCheck =
  { isValid: true; period: ReportPeriod } | { isValid: false; errors: Record<string, string> };

/** Checks the two fields: each one offered, and the end not before the start. */
export function checkPeriod(locale: Locale, values: { from: string; to: string }, now: Date): PeriodCheck {
  const t = reportMessage.for(locale);
  const from = boundOf(values.from, 'from', now);
  const to = boundOf(values.to, 'to', now);
  const errors: Record<string, string> = {};
  if (!from) errors.from = t('period.chooseFrom');
  if (!to) errors.to = t('period.chooseTo');
  if (from && to && rank(to) < rank(from)) errors.to = t('period.endBeforeStart');
  if (!from || !to || Object.keys(errors).length > 0) return { isValid: false, errors };
  return { isValid: true, period: { from, to } };
}

/** Whether a moment falls in the period (its quarter in the Dutch calendar). */
export function isInPeriod(date: Date, period: ReportPeriod): boolean {
  const [year = 0, quarter = 0] = quarterOf(date).split('-').map(Number);
  const r = rank({ year, quarter });
  return r >= rank(period.from) && r <= rank(period.to);
}

/** The years the period touches, oldest first: the maturity figures are per year. */
export function yearsOf(period: ReportPeriod): number[] {
  return Array.from({ length: period.to.year - period.from.year + 1 }, (_, i) => period.from.year + i);
}

/** "2026", "2024–2026" for whole years; otherwise "K2 2025 – K1 2026" (or one quarter alone). */
export function periodLabel(locale: Locale, period: ReportPeriod): string {
  const { from, to } = period;
  if (from.quarter === 1 && to.quarter === 4)
    return from.year === to.year ? String(from.year) : `${from.year}–${to.year}`;
  if (rank(from) === rank(to)) return formatQuarterOf(locale, from);
  return `${formatQuarterOf(locale, from)} – ${formatQuarterOf(locale, to)}`;
}

/** The period in a file name: "2026", "2024-2026", or "2026k1-2026k3" when it is not whole years. */
export function periodSlug(period: ReportPeriod): string {
  const { from, to } = period;
  if (from.quarter === 1 && to.quarter === 4)
    return from.year === to.year ? String(from.year) : `${from.year}-${to.year}`;
  return `${from.year}k${from.quarter}-${to.year}k${to.quarter}`;
}
