/**
 * Sessions are announced in Dutch wall-clock time (Europe/Amsterdam) and stored as UTC instants.
 * The conversion asks Intl for the zone's offset, so daylight-saving changes come from the
 * platform's time-zone database, not from rules written here.
 */
export const sessionTimeZone = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: sessionTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in Amsterdam at an instant. */
export function amsterdamParts(instant: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function offsetMinutesAt(instant: Date): number {
  const p = amsterdamParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC instant of a date (yyyy-mm-dd) and time (HH:MM) typed in Amsterdam, or null when either is
 * malformed or the time does not exist there (the hour skipped when summer time starts).
 */
export function amsterdamToUtc(date: string, time: string): Date | null {
  const d = datePattern.exec(date);
  const t = timePattern.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(naive).getUTCDate() !== day) return null;
  // Try the offset at the naive instant, then correct once: enough for a zone with one-hour changes.
  let instant = new Date(naive - offsetMinutesAt(new Date(naive)) * 60_000);
  instant = new Date(naive - offsetMinutesAt(instant) * 60_000);
  const back = amsterdamParts(instant);
  if (back.hour !== hour || back.minute !== minute || back.day !== day) return null;
  return instant;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyy-mm-dd and HH:MM in Amsterdam: to fill a form again with what it was typed as. */
export function amsterdamInputs(instant: Date): { date: string; time: string } {
  const p = amsterdamParts(instant);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** 20260329T140000: the local form used with TZID in iCalendar. */
export function icsLocal(instant: Date): string {
  const p = amsterdamParts(instant);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** 20260329T120000Z: the UTC form used for DTSTAMP. */
export function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
