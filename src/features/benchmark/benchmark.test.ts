import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { getFramework } from '../framework/index.ts';
import { scans } from '../scan/index.ts';
import type { SharingMode } from '../sharing/index.ts';
import { insertScan, setSharing } from './benchmark.fixtures.ts';

const version = '2026.1';
const framework = () => getFramework(version);
const theme = (i: number) => {
  const found = framework().themes[i];
  if (!found) throw new Error(`framework without theme ${i}`);
  return found;
};

/** A submitted scan whose themes all score `base`, except those named by index (null = no score). */
async function submitted(
  t: TestApp,
  code: string,
  period: number,
  base: number,
  themes: Record<number, number | null> = {},
) {
  const byId = Object.fromEntries(
    Object.entries(themes).map(([i, score]) => [framework().themes[Number(i)]?.id ?? '', score]),
  );
  await insertScan(t.db, { code, period, overall: base, themes: byId });
}

const share = (t: TestApp, code: string, mode: SharingMode) => setSharing(t.db, code, mode);

/** The cells of the table row headed `header`, as text. */
function cellsOf(body: string, header: string): string[] {
  const start = body.indexOf(`>${header}</th>`);
  assert.ok(start > 0, `no row headed ${header}`);
  const row = body.slice(start, body.indexOf('</tr>', start));
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  );
}

function learnSection(body: string): string {
  const start = body.indexOf('id="learn-heading"');
  assert.ok(start > 0, 'no learn-from section');
  return body.slice(start, body.indexOf('</section>', start));
}

describe('benchmark: comparing with peers', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // 2026: seven MRDH municipalities (all in Zuid-Holland, so every group has the same members).
    // Rotterdam's weakest themes are 0 (2.0), 1 (2.2) and 2 (2.4); the others score 3.0.
    await submitted(t, 'GM0599', 2026, 3, { 0: 2, 1: 2.2, 2: 2.4 });
    await submitted(t, 'GM0518', 2026, 3); // Den Haag, named
    await submitted(t, 'GM0503', 2026, 1, { 14: null }); // Delft, named
    await submitted(t, 'GM0637', 2026, 4); // Zoetermeer, named
    await submitted(t, 'GM1783', 2026, 2.5); // Westland, named
    await submitted(t, 'GM0606', 2026, 3.5, { 14: null }); // Schiedam, named
    await submitted(t, 'GM0622', 2026, 5); // Vlaardingen, not shared
    // 2025: only four contributors; Utrecht shares by name but is in none of Rotterdam's networks.
    await submitted(t, 'GM0599', 2025, 1.5);
    await submitted(t, 'GM0518', 2025, 4);
    await submitted(t, 'GM0503', 2025, 2);
    await submitted(t, 'GM0344', 2025, 4);
    // 2024: the six MRDH municipalities and Utrecht, so that MRDH and "all" differ by one organisation.
    for (const code of ['GM0599', 'GM0518', 'GM0503', 'GM0637', 'GM1783', 'GM0606', 'GM0344'])
      await submitted(t, code, 2024, 3);
    // Every contributor shares by name (Vlaardingen not at all): the rule also withholds a group with
    // one to four unnamed members, whose scores could be found by subtracting the named ones.
    for (const code of ['GM0599', 'GM0518', 'GM0503', 'GM0637', 'GM1783', 'GM0606', 'GM0344'])
      await share(t, code, 'named');
    await share(t, 'GM0622', 'not-shared');
  });
  after(() => t.close());

  it('shows the group’s median and quartiles per theme next to the own score', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    const page = await client.get('/o/GM0599/benchmark');
    assert.equal(page.statusCode, 200);
    // Default period: the latest submitted scan (2026); default group: network MRDH.
    assert.match(page.body, /<option value="network:mrdh" selected>Netwerk MRDH<\/option>/);
    // Vlaardingen (not shared) is left out, Rotterdam itself is in: 6 organisations.
    assert.match(page.body, /Netwerk MRDH: 6 organisaties met een vastgestelde zelfscan over 2026/);
    // Theme 0, sorted: 1.0 (Delft), 2.0 (Rotterdam), 2.5, 3.0, 3.5, 4.0; as percentile_cont, position (6 − 1)·p:
    // Q1 at 1.25 → 2.0 + 0.25·0.5 = 2.125 → 2.13; median at 2.5 → 2.75; Q3 at 3.75 → 3.0 + 0.75·0.5 = 3.375 → 3.38.
    // Without Rotterdam it would be 3.0, with Vlaardingen (5.0) too.
    const title = theme(0).title.nl;
    assert.deepEqual(cellsOf(page.body, title), ['2,0', '2,13', '2,75', '3,38', '6']);
    // Theme 14 is scored by four organisations only: that figure is withheld on its own.
    assert.deepEqual(cellsOf(page.body, theme(14).title.nl).slice(1), Array(4).fill('niet getoond'));
    // Overall: 1.0, 2.5, 3.0, 3.0, 3.5, 4.0 → median 3.0; the trend says 2025 was not shown.
    assert.match(page.body, /Uw totaalscore is 3,0; de mediaan van de groep is 3,0\./);
    assert.deepEqual(cellsOf(page.body, '2025'), ['niet getoond', 'niet getoond']);
    assert.deepEqual(cellsOf(page.body, '2026'), ['6', '3,0']);
    assert.match(page.body, /<svg[^>]*role="img"/);
  });

  it('says that there are too few participants, with four contributors', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    const page = await client.get('/o/GM0599/benchmark?period=2025&group=all');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Te weinig deelnemers voor een vergelijking/);
    assert.doesNotMatch(page.body, /Eerste kwartiel/);
  });

  it('withholds a group that differs too little from another, and then compares with a shown one', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    const mrdh = await client.get('/o/GM0599/benchmark?period=2024&group=network:mrdh');
    assert.match(mrdh.body, /zouden kunnen onthullen/);
    assert.doesNotMatch(mrdh.body, /Eerste kwartiel/);
    const fallback = await client.get('/o/GM0599/benchmark?period=2024');
    assert.match(fallback.body, /<option value="all" selected>Alle deelnemende organisaties<\/option>/);
    assert.match(fallback.body, /Alle deelnemende organisaties: 7 organisaties/);
  });

  it('lists named organisations in the same networks that are a level or more ahead', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    const learn = learnSection((await client.get('/o/GM0599/benchmark')).body);
    // Theme 0 (own 2.0): Den Haag 3.0, Schiedam 3.5 and Zoetermeer 4.0 (all named); not Westland
    // (2.5, named but less than a level higher) or Vlaardingen (5.0, not shared).
    assert.match(learn, new RegExp(`${theme(0).title.nl} \\(uw score: 2,0\\)`));
    assert.match(learn, /Den Haag: 3,0/);
    assert.match(learn, /href="\/organisations\/GM0518"/);
    assert.match(learn, /Zoetermeer: 4,0/);
    assert.match(learn, /Schiedam: 3,5/);
    for (const code of ['GM1783', 'GM0622']) assert.doesNotMatch(learn, new RegExp(code));
    // Theme 1 (own 2.2): only Zoetermeer; Den Haag at 3.0 is 0.8 higher.
    const second = learn.slice(learn.indexOf(theme(1).title.nl), learn.indexOf(theme(2).title.nl));
    assert.match(second, /Zoetermeer/);
    assert.doesNotMatch(second, /Den Haag/);
    // 2025: Utrecht is named and ahead, but in none of Rotterdam's networks.
    const earlier = learnSection((await client.get('/o/GM0599/benchmark?period=2025')).body);
    assert.match(earlier, /Den Haag: 4,0/);
    assert.doesNotMatch(earlier, /GM0344/);
  });

  it('explains that learning from others needs named sharing on both sides', async () => {
    // Vlaardingen does not share: it sees no names, and is told why.
    const { client } = await signedInAs(t, 'GM0622', 'viewer');
    const learn = learnSection((await client.get('/o/GM0622/benchmark')).body);
    assert.match(learn, /alleen aan organisaties die dat zelf ook doen/);
    assert.match(learn, /href="\/o\/GM0622\/sharing"/);
    assert.doesNotMatch(learn, /\/organisations\//);
  });

  it('tells an organisation without a submitted scan to submit one first', async () => {
    const { client } = await signedInAs(t, 'GM0513', 'admin');
    const page = await client.get('/o/GM0513/benchmark');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /nog geen vastgestelde zelfscan/);
    assert.match(page.body, /href="\/o\/GM0513\/scans"/);
  });

  it('is linked from the dashboard and from the results of a submitted scan', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    assert.match((await client.get('/o/GM0599')).body, /href="\/o\/GM0599\/benchmark"/);
    const [scan] = await t.db
      .select()
      .from(scans)
      .where(and(eq(scans.organisationId, await organisationId(t.db, 'GM0599')), eq(scans.period, 2026)));
    const results = await client.get(`/o/GM0599/scans/${scan?.id}/results`);
    assert.match(
      results.body,
      /href="\/o\/GM0599\/benchmark\?period=2026"[^>]*>Vergelijk met andere gemeenten/,
    );
  });

  it('refuses the page to another municipality', async () => {
    const { client } = await signedInAs(t, 'GM0503', 'admin');
    assert.equal((await client.get('/o/GM0599/benchmark')).statusCode, 403);
  });
});
