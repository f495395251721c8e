import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { networks } from '../../core/db/core.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { insertScan, setSharing } from '../benchmark/benchmark.fixtures.ts';
import { advisoryDays, brigadeCases } from '../intake/index.ts';
import { knowledgeSessions } from '../sessions/index.ts';

/**
 * MRDH in 2026: Rotterdam (2,5) and Delft (3,25) share by name; eight members share only in the
 * aggregate, each with a score no figure of the group can equal (1,37 … 4,61). Sorted, the ten
 * scores give median (2,77 + 3,25) / 2 = 3,01, first quartile 2,41 + 0,25 × 0,09 = 2,43 and third
 * quartile 3,29 + 0,75 × 0,32 = 3,53 (PostgreSQL's percentile_cont), on every pillar.
 * 2025: Rotterdam by name and four in the aggregate: four hidden members are fewer than five, so
 * subtracting Rotterdam's score would narrow them down; the benchmark withholds 2025.
 */
const hidden2026: Record<string, number> = {
  GM0518: 1.37,
  GM0637: 1.93,
  GM1783: 2.41,
  GM0606: 2.77,
  GM0489: 3.29,
  GM0502: 3.61,
  GM0542: 4.13,
  GM0556: 4.61,
};
const hidden2025: Record<string, number> = { GM0597: 1.59, GM0603: 2.23, GM0613: 3.47, GM0622: 3.83 };

const formatted = (n: number) => n.toFixed(2).replace('.', ',');

async function situation(t: TestApp) {
  await insertScan(t.db, { code: 'GM0599', period: 2026, overall: 2.5 });
  await insertScan(t.db, { code: 'GM0503', period: 2026, overall: 3.25 });
  for (const [code, overall] of Object.entries(hidden2026))
    await insertScan(t.db, { code, period: 2026, overall });
  await insertScan(t.db, { code: 'GM0599', period: 2025, overall: 2 });
  for (const [code, overall] of Object.entries(hidden2025))
    await insertScan(t.db, { code, period: 2025, overall });
  await insertScan(t.db, { code: 'GM1621', period: 2026, overall: 1, status: 'draft' });
  await setSharing(t.db, 'GM0599', 'named');
  await setSharing(t.db, 'GM0503', 'named');
}

async function brigade(t: TestApp) {
  const rotterdam = await organisationId(t.db, 'GM0599');
  const question = {
    contactName: 'Contact',
    contactEmail: 'contact@rotterdam.example',
    description: 'Vraag',
    urgency: 'normal' as const,
    contactPreference: 'email' as const,
    organisationId: rotterdam,
  };
  const [waiting] = await t.db
    .insert(brigadeCases)
    .values({ ...question, category: 'antenna', createdAt: new Date(Date.now() - 3 * 86_400_000) })
    .returning({ id: brigadeCases.id });
  const [worked] = await t.db
    .insert(brigadeCases)
    .values({ ...question, category: 'fibre', status: 'in_progress', sourceScanId: 1 })
    .returning({ id: brigadeCases.id });
  if (!waiting || !worked) throw new Error('cases not created');
  const log = { caseId: worked.id, workDate: '2026-10-01', description: 'Werk' };
  await t.db.insert(advisoryDays).values([
    { ...log, person: 'Bureau', party: 'firm', hours: 96 },
    { ...log, person: 'Expert', party: 'expert', hours: 12 },
  ]);
  const [mrdh] = await t.db.select({ id: networks.id }).from(networks).where(eq(networks.code, 'mrdh'));
  if (!mrdh) throw new Error('no MRDH network');
  await t.db.insert(knowledgeSessions).values({
    networkId: mrdh.id,
    title: 'Sessie over sensoren',
    startsAt: new Date(Date.now() + 5 * 86_400_000),
    endsAt: new Date(Date.now() + 5 * 86_400_000 + 7_200_000),
    capacity: 20,
  });
  return { waiting: waiting.id, worked: worked.id };
}

const squash = (body: string) => body.replace(/\s+/g, ' ');

describe("the coordinator's workspace", () => {
  let t: TestApp;
  let coordinator: TestClient;
  let ids: { waiting: number; worked: number };
  before(async () => {
    t = await createTestApp();
    await situation(t);
    ids = await brigade(t);
    ({ client: coordinator } = await signedInWith(t, {
      coordinates: ['mrdh'],
      memberOf: { MRDH: 'editor' },
    }));
  });
  after(() => t.close());

  it('is where a coordinator without a municipality lands after signing in', async () => {
    const landing = await coordinator.get('/dashboard');
    assert.equal(landing.statusCode, 303);
    assert.equal(landing.headers.location, '/networks/mrdh');
    const { client: official } = await signedInWith(t, {
      coordinates: ['mrdh'],
      memberOf: { GM0599: 'editor' },
    });
    assert.equal((await official.get('/dashboard')).headers.location, '/o/GM0599', 'a municipality first');
  });

  it('shows what needs attention in order: questions with age, then sessions', async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    assert.match(page, new RegExp(`Vraag ${ids.waiting} van Rotterdam \\([^)]*\\), 3 dagen oud`));
    assert.doesNotMatch(page, new RegExp(`Vraag ${ids.worked} van`), 'a question in progress is not new');
    assert.match(page, /Sessie over sensoren/);
    assert.ok(page.indexOf('Nieuwe vragen aan de Brigade') < page.indexOf('Kennissessies die vol zijn'));
  });

  it('tells each member’s participation in a table and a map with a name per area', async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    assert.match(
      page,
      /<th scope="row"[^>]*>\s*Lansingerland\s*<\/th>\s*<td[^>]*>\s*nee\s*<\/td>\s*<td[^>]*>\s*concept 2026/,
    );
    assert.match(
      page,
      /<th scope="row"[^>]*>\s*Delft\s*<\/th>\s*<td[^>]*>\s*nee\s*<\/td>\s*<td[^>]*>\s*ingediend 2026/,
    );
    assert.match(page, /aria-label="Delft: zelfscan ingediend"/);
    assert.match(page, /<text class="rk-map-name"[^>]*>\s*Delft\s*<\/text\s*>/);
  });

  it("shows the region's hand-computed median and spread per pillar and withholds 2025", async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    assert.match(page, /1\. [^<]*<\/th>\s*<td[^>]*>\s*—\s*<\/td>\s*<td[^>]*>\s*3,01 \(2,43–3,53\)/);
    assert.match(page, /Niet getoond voor 2025/);
  });

  it('counts the Brigade days with the firm capped at ten and the experts apart', async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    assert.match(page, /10,0 <span class="rk-muted">\(12,0 geboekt, boven het maximum\)<\/span>/);
    assert.match(page, /Totaal: 10,0 dagen adviesbureau \(met het maximum\), 1,5 dagen experts/);
  });

  it('never shows the score of a member that does not share by name, in any view or year', async () => {
    const views = [
      '/networks/mrdh',
      ...['strategy', 'foundation', 'preconditions', 'ecosystem'].map((p) => `/networks/mrdh?pillar=${p}`),
      '/networks/mrdh/benchmark',
      '/networks/mrdh/benchmark?period=2025',
    ];
    const secrets = [...Object.values(hidden2026), ...Object.values(hidden2025)].map(formatted);
    for (const view of views) {
      const response = await coordinator.get(view);
      assert.equal(response.statusCode, 200, view);
      // Map paths are coordinate pairs ("511,37"): only the text, labels and titles can tell a score.
      const readable = response.body.replace(/ (d|viewBox|points|transform)="[^"]*"/g, '');
      for (const secret of secrets)
        assert.doesNotMatch(readable, new RegExp(`(?<![\\d.,])${secret}(?!\\d)`), `${view} shows ${secret}`);
    }
    const foundation = squash((await coordinator.get('/networks/mrdh?pillar=foundation')).body);
    assert.match(foundation, /aria-label="Rotterdam: 2,5"/, 'a member sharing by name is shown by name');
    assert.match(foundation, /aria-label="Zoetermeer: alleen in het totaal"/);
    assert.match(foundation, /8 leden delen zonder naam/);
  });

  it('is for the network’s coordinators only', async () => {
    const { client: other } = await signedInWith(t, { coordinates: ['zuid-holland'] });
    assert.equal((await other.get('/networks/mrdh')).statusCode, 403);
    assert.equal((await new TestClient(t.app).get('/networks/mrdh')).statusCode, 303);
  });
});
