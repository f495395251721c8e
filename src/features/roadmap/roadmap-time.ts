import type { Quarter } from './roadmap.model.ts';

/** Quarter arithmetic on the roadmap's time axis; dates are ISO yyyy-mm-dd and read as calendar days. */

export const quarterIndex = (q: Quarter, startYear: number): number =>
  (q.year - startYear) * 4 + (q.quarter - 1);

export const compareQuarters = (a: Quarter, b: Quarter): number => a.year - b.year || a.quarter - b.quarter;

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function toQuarterNumber(month: number): Quarter['quarter'] {
  const q = Math.floor((month - 1) / 3) + 1;
  return q === 1 || q === 2 || q === 3 ? q : 4;
}

export function quarterOfDate(iso: string): Quarter {
  const { year, month } = parseIsoDate(iso);
  return { year, quarter: toQuarterNumber(month) };
}

/** Position of a date in quarters from 1 January of `startYear`: 4.5 is halfway through Q1 of the next year. */
export function quarterOffsetOfDate(iso: string, startYear: number): number {
  const { year, month, day } = parseIsoDate(iso);
  const quarter = toQuarterNumber(month);
  const firstMonth = (quarter - 1) * 3;
  const begin = Date.UTC(year, firstMonth, 1);
  const end = Date.UTC(year, firstMonth + 3, 1);
  const fraction = (Date.UTC(year, month - 1, day) - begin) / (end - begin);
  return quarterIndex({ year, quarter }, startYear) + fraction;
}

/** The quarter `count` quarters after `q` (negative goes back). */
export function addQuarters(q: Quarter, count: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + count;
  return { year: Math.floor(index / 4), quarter: toQuarterNumber((index % 4) * 3 + 1) };
}
