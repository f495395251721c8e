import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { calendarFile, escapeText, foldLine, type CalendarSession } from './sessions-ics.ts';
import { amsterdamInputs, amsterdamToUtc } from './sessions-time.ts';

function at(date: string, time: string): Date {
  const instant = amsterdamToUtc(date, time);
  assert.ok(instant, `${date} ${time} exists in Amsterdam`);
  return instant;
}

function session(
  id: number,
  startsAt: Date,
  endsAt: Date,
  extra: Partial<CalendarSession> = {},
): CalendarSession {
  return {
    id,
    title: 'Datagedreven werken; kansen, risico’s en lessen',
    description: 'Regel één\nRegel twee, met komma; en puntkomma \\ backslash',
    startsAt,
    endsAt,
    location: 'Provinciehuis, Zuid-Hollandplein 1, Den Haag',
    onlineUrl: null,
    pageUrl: `http://routekaart.test/knowledge/sessions/${id}`,
    createdAt: new Date('2026-01-05T09:00:00Z'),
    ...extra,
  };
}

describe('Amsterdam wall-clock time converts to UTC instants', () => {
  it('uses +01:00 in winter and +02:00 in summer, either side of the March change', () => {
    assert.equal(at('2026-03-28', '14:00').toISOString(), '2026-03-28T13:00:00.000Z');
    assert.equal(at('2026-03-29', '14:00').toISOString(), '2026-03-29T12:00:00.000Z');
    assert.equal(at('2026-10-25', '14:00').toISOString(), '2026-10-25T13:00:00.000Z');
  });

  it('refuses the hour that does not exist when summer time starts, and malformed input', () => {
    assert.equal(amsterdamToUtc('2026-03-29', '02:30'), null);
    assert.equal(amsterdamToUtc('2026-02-30', '10:00'), null);
    assert.equal(amsterdamToUtc('29-03-2026', '10:00'), null);
    assert.equal(amsterdamToUtc('2026-03-29', '24:00'), null);
  });

  it('gives back the typed date and time for a stored instant', () => {
    assert.deepEqual(amsterdamInputs(at('2026-07-01', '09:30')), { date: '2026-07-01', time: '09:30' });
  });
});

describe('iCalendar output follows RFC 5545', () => {
  const sessions = [
    session(1, at('2026-03-28', '14:00'), at('2026-03-28', '16:00')),
    session(2, at('2026-03-30', '14:00'), at('2026-03-30', '16:30'), {
      onlineUrl: 'https://meet.example/abc',
    }),
  ];
  const text = calendarFile({
    sessions,
    host: 'routekaart.test',
    name: 'Kennissessies',
    stamp: new Date('2026-03-01T10:00:00Z'),
  });

  it('ends every line with CRLF and folds lines at 75 octets', () => {
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
      assert.doesNotMatch(line, /\uFFFD/);
    }
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'é'.repeat(80)}`);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  });

  it('parses with ical.js, with a VTIMEZONE, UID and DTSTAMP on every event', () => {
    const component = new ICAL.Component(ICAL.parse(text));
    const zone = component.getFirstSubcomponent('vtimezone');
    assert.equal(zone?.getFirstPropertyValue('tzid'), 'Europe/Amsterdam');
    const events = component.getAllSubcomponents('vevent');
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.match(String(event.getFirstPropertyValue('uid')), /^knowledge-session-\d+@routekaart\.test$/);
      assert.ok(event.getFirstPropertyValue('dtstamp'));
    }
    const first = new ICAL.Event(events[0]);
    assert.equal(first.summary, 'Datagedreven werken; kansen, risico’s en lessen');
    assert.equal(first.location, 'Provinciehuis, Zuid-Hollandplein 1, Den Haag');
    assert.match(first.description, /^Regel één\nRegel twee, met komma; en puntkomma \\ backslash/);
  });

  it('gives times that convert to the right UTC instants either side of the change to summer time', () => {
    const component = new ICAL.Component(ICAL.parse(text));
    const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone') ?? undefined);
    const events = component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const utc = (time: ICAL.Time) => {
      const copy = time.clone();
      copy.zone = zone;
      return copy.toJSDate().toISOString();
    };
    const [winter, summer] = events;
    assert.ok(winter && summer);
    assert.equal(utc(winter.startDate), '2026-03-28T13:00:00.000Z');
    assert.equal(utc(summer.startDate), '2026-03-30T12:00:00.000Z');
    assert.equal(utc(summer.endDate), '2026-03-30T14:30:00.000Z');
    assert.equal(summer.location, 'Provinciehuis, Zuid-Hollandplein 1, Den Haag · https://meet.example/abc');
  });
});
