import { icsLocal, icsUtc, sessionTimeZone } from './sessions-time.ts';

/** What a calendar entry carries: the announcement only, never who registered. */
export interface CalendarSession {
  id: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  pageUrl: string;
  createdAt: Date;
}

/** TEXT values per RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, and a
 * multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Amsterdam's rules since 1996 (CET/CEST, last Sunday of March and of October). */
const amsterdamTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${sessionTimeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(session: CalendarSession, host: string, stamp: Date): string[] {
  const where = [session.location, session.onlineUrl].filter(Boolean).join(' · ');
  const description = [session.description.trim(), session.pageUrl].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:knowledge-session-${session.id}@${host}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `CREATED:${icsUtc(session.createdAt)}`,
    `DTSTART;TZID=${sessionTimeZone}:${icsLocal(session.startsAt)}`,
    `DTEND;TZID=${sessionTimeZone}:${icsLocal(session.endsAt)}`,
    `SUMMARY:${escapeText(session.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    `URL:${session.pageUrl}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
  ];
}

/** A VCALENDAR with the given sessions, CRLF line ends, folded lines. */
export function calendarFile(o: {
  sessions: CalendarSession[];
  host: string;
  name: string;
  stamp?: Date;
}): string {
  const stamp = o.stamp ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Routekaart//Kennissessies//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.name)}`,
    `X-WR-TIMEZONE:${sessionTimeZone}`,
    ...amsterdamTimeZone,
    ...o.sessions.flatMap((session) => eventLines(session, o.host, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
