import os from 'node:os';
import { catalogueTriples, toJsonLd, toTurtle } from '../src/features/registries/registries-dcat.ts';
import type { EntryRow } from '../src/features/registries/registries.queries.ts';
import { calendarFile, type CalendarSession } from '../src/features/sessions/sessions-ics.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Issue #14 asks for ICS and DCAT building in the worker pool "where measurable": this prints how
 * long each takes on the request thread for the largest realistic feed and ten times that (a
 * municipality with 1,000 open data sources; 500 knowledge sessions in the calendar). Decision 0016
 * names the threshold: a build over about 20 ms would go to the pool. Prints figures only.
 */
const repeats = Number(process.env.BENCH_ROUNDS ?? 20);
const loadAtStart = os.loadavg()[0] ?? 0;

function source(id: number): EntryRow {
  return {
    id,
    organisationId: 1,
    registry: 'data-sources',
    name: `Gegevensbron ${id}: afvalinzameling per wijk`,
    data: {
      openness: 'open',
      status: 'active',
      description: `Beschrijving van gegevensbron ${id}, met wat erin staat en hoe vaak het wordt bijgewerkt.`,
      societal_task: 'circular-economy',
      contact_email: 'opendata@rotterdam.example',
      access_url: `https://data.rotterdam.example/dataset/${id}`,
      licence: 'cc-by',
      standards: ['DCAT-AP-NL', 'CSV'],
    },
    version: 1,
    updatedAt: new Date('2026-11-01T10:00:00Z'),
  } as unknown as EntryRow;
}

function session(id: number): CalendarSession {
  const startsAt = new Date(Date.UTC(2027, 0, 1 + (id % 300), 13));
  return {
    id,
    title: `Kennissessie ${id}: datagedreven werken in het sociaal domein`,
    description: 'Wat werkt, wat niet, en hoe begint u morgen.\nMet voorbeelden uit Delft en Gouda.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    location: 'Provinciehuis, Zuid-Hollandplein 1, Den Haag',
    onlineUrl: null,
    pageUrl: `https://routekaart.example/knowledge/sessions/${id}`,
    createdAt: new Date('2026-10-01T09:00:00Z'),
  };
}

async function slowest(build: () => unknown): Promise<{ median: number; max: number }> {
  await build(); // warm-up: the first call compiles
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await build();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? Number.NaN, max: times.at(-1) ?? Number.NaN };
}

const rows: (string | number)[][] = [];
for (const count of [100, 1_000]) {
  const input = {
    publicUrl: 'https://routekaart.example',
    organisation: { code: 'GM0599', name: 'Rotterdam' },
    title: 'Open data van Rotterdam',
    description: 'Alle open gegevensbronnen van de gemeente.',
    sources: Array.from({ length: count }, (_, i) => source(i + 1)),
  };
  const turtle = await slowest(() => toTurtle(catalogueTriples(input)));
  const jsonLd = await slowest(() => JSON.stringify(toJsonLd(catalogueTriples(input))));
  rows.push([`DCAT Turtle, ${count} data sources`, fixed(turtle.median, 1), fixed(turtle.max, 1)]);
  rows.push([`DCAT JSON-LD, ${count} data sources`, fixed(jsonLd.median, 1), fixed(jsonLd.max, 1)]);
}
for (const count of [50, 500]) {
  const sessions = Array.from({ length: count }, (_, i) => session(i + 1));
  const ics = await slowest(() =>
    calendarFile({ sessions, host: 'routekaart.example', name: 'Kennissessies' }),
  );
  rows.push([`ICS, ${count} sessions`, fixed(ics.median, 1), fixed(ics.max, 1)]);
}
console.log(
  `Feeds built on the request thread (${repeats} times each after one warm-up; load average at start ${fixed(loadAtStart, 2)}, at end ${fixed(os.loadavg()[0] ?? 0, 2)})`,
);
console.log(formatTable(['feed', 'median ms', 'max ms'], rows));
