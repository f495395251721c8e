import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisations } from '../../core/db/core.tables.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { benchmarkVersion } from './benchmark.queries.ts';
import { insertScan, setSharing } from './benchmark.fixtures.ts';
import { figuresOf, groupsOfPeriod } from './benchmark.service.ts';

const overallMedian = async (t: TestApp) => {
  const figures = await figuresOf(t.db, await groupsOfPeriod(t.db, 2026), 'all');
  return figures.isShown ? figures.statistics.find((s) => s.kind === 'overall')?.median : undefined;
};

describe('cached benchmark figures', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (const [code, overall] of Object.entries({ GM0599: 1, GM0518: 2, GM0503: 3, GM0637: 4, GM1783: 5 })) {
      await insertScan(t.db, { code, period: 2026, overall });
    }
  });
  after(() => t.close());

  it('serves the same figures again while nothing they depend on changed', async () => {
    const first = await groupsOfPeriod(t.db, 2026);
    assert.equal(await groupsOfPeriod(t.db, 2026), first, 'the same computed groups');
    assert.equal(await overallMedian(t), 3);
  });

  it('recomputes after a new submission', async () => {
    await insertScan(t.db, { code: 'GM0606', period: 2026, overall: 5 });
    // 1, 2, 3, 4, 5, 5: median (3 + 4) / 2.
    assert.equal(await overallMedian(t), 3.5);
  });

  it('recomputes after a sharing choice, and withholds what the rule now forbids', async () => {
    await setSharing(t.db, 'GM0606', 'not-shared');
    assert.equal(await overallMedian(t), 3);
    await setSharing(t.db, 'GM0599', 'named');
    // Five contributors, one named: four unnamed could be found by subtracting; withheld.
    const figures = await figuresOf(t.db, await groupsOfPeriod(t.db, 2026), 'all');
    assert.equal(figures.isShown, false);
  });
});

describe('the benchmark version', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('goes up on every write the figures depend on, whichever way it is made', async () => {
    const before = await benchmarkVersion(t.db);
    await insertScan(t.db, { code: 'GM0599', period: 2026, overall: 3 });
    const afterScan = await benchmarkVersion(t.db);
    assert.ok(afterScan > before, 'a scan and its scores');
    await setSharing(t.db, 'GM0599', 'named');
    const afterSharing = await benchmarkVersion(t.db);
    assert.ok(afterSharing > afterScan, 'a sharing choice');
    await t.db.update(organisations).set({ population: 670_000 }).where(eq(organisations.code, 'GM0599'));
    assert.ok((await benchmarkVersion(t.db)) > afterSharing, 'a population, even written directly');
  });
});

describe('the benchmark page, served from the cache', () => {
  let t: TestApp;
  const page = async (client: TestClient, code: string, query = '?group=network:mrdh') => {
    const response = await client.get(`/o/${code}/benchmark${query}`);
    assert.equal(response.statusCode, 200);
    return response.body;
  };
  const groupSize = (body: string) => /Netwerk MRDH: (\d+) organisaties/.exec(body)?.[1];

  before(async () => {
    t = await createTestApp();
    // Seven MRDH municipalities, Den Haag by name: six unnamed, so the network is shown.
    const overall = { GM0599: 2, GM0518: 4, GM0503: 3, GM0637: 3, GM1783: 3, GM0606: 3, GM0622: 3 };
    for (const [code, score] of Object.entries(overall))
      await insertScan(t.db, { code, period: 2026, overall: score });
    await setSharing(t.db, 'GM0518', 'named');
  });
  after(() => t.close());

  it('counts a scan that another organisation submits at once', async () => {
    const { client: rotterdam } = await signedInAs(t, 'GM0599', 'viewer');
    assert.equal(groupSize(await page(rotterdam, 'GM0599')), '7');
    await insertScan(t.db, { code: 'GM0489', period: 2026, overall: 5 });
    assert.equal(groupSize(await page(rotterdam, 'GM0599')), '8');
  });

  it('shows the organisation’s own new scan at once', async () => {
    const { client: rotterdam } = await signedInAs(t, 'GM0599', 'viewer');
    assert.doesNotMatch(await page(rotterdam, 'GM0599', ''), /<option value="2027"/);
    await insertScan(t.db, { code: 'GM0599', period: 2027, overall: 4 });
    const body = await page(rotterdam, 'GM0599', '');
    assert.match(body, /<option value="2027" selected>2027<\/option>/);
    assert.match(body, /Te weinig deelnemers voor een vergelijking/);
  });

  it('follows a sharing choice made through the form at once', async () => {
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    const before = await page(admin, 'GM0599', '?period=2026&group=network:mrdh');
    assert.match(before, /alleen aan organisaties die dat zelf ook doen/);
    assert.equal(
      (await admin.post('/o/GM0599/sharing', { mode: 'named' }, '/o/GM0599/sharing')).statusCode,
      303,
    );
    // Both named now: Den Haag (4.0) is two levels ahead of Rotterdam (2.0) in every theme.
    const named = await page(admin, 'GM0599', '?period=2026&group=network:mrdh');
    assert.match(named, /Den Haag: 4,0/);
    assert.equal(
      (await admin.post('/o/GM0599/sharing', { mode: 'not-shared' }, '/o/GM0599/sharing')).statusCode,
      303,
    );
    const notShared = await page(admin, 'GM0599', '?period=2026&group=network:mrdh');
    assert.equal(groupSize(notShared), String(Number(groupSize(named)) - 1), 'Rotterdam no longer counts');
    assert.doesNotMatch(notShared, /Den Haag: 4,0/);
  });

  it('draws the page for each role and language, never one viewer’s page for another', async () => {
    const { client: viewer } = await signedInAs(t, 'GM0503', 'viewer');
    const { client: admin } = await signedInAs(t, 'GM0503', 'admin');
    const adminLink = /Met naam delen instellen/;
    for (let round = 0; round < 2; round++) {
      assert.doesNotMatch(await page(viewer, 'GM0503'), adminLink);
      assert.match(await page(admin, 'GM0503'), adminLink);
    }
    const english = await viewer.request('GET', '/o/GM0503/benchmark?group=network:mrdh', undefined, {
      cookie: `${viewer.cookieHeader}; rk_lang=en`,
    });
    assert.match(english.body, /View or change the sharing setting/);
    assert.match(await page(viewer, 'GM0503'), /Instelling voor delen bekijken of wijzigen/);
  });

  it('shows each organisation its own scores, whichever page was asked first', async () => {
    const { client: delft } = await signedInAs(t, 'GM0503', 'viewer');
    const { client: denHaag } = await signedInAs(t, 'GM0518', 'viewer');
    for (let round = 0; round < 2; round++) {
      assert.match(await page(delft, 'GM0503'), /Uw totaalscore is 3,0;/);
      assert.match(await page(denHaag, 'GM0518'), /Uw totaalscore is 4,0;/);
    }
    assert.equal((await delft.get('/o/GM0518/benchmark')).statusCode, 403);
  });
});
