import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { insertScan, setSharing } from './benchmark.fixtures.ts';

/**
 * 2026: nine MRDH members. Rotterdam and Delft share by name, seven only in aggregate (at least
 * five, or the named scores could be subtracted from the network's figures), and Vlaardingen does
 * not share at all. 2025: Rotterdam alone.
 */
async function situation(t: TestApp) {
  const scores = {
    GM0599: 2.5,
    GM0503: 3.25,
    GM0518: 2,
    GM0637: 3,
    GM1783: 3.5,
    GM0606: 4,
    GM0489: 3,
    GM0502: 3,
    GM0542: 3,
  };
  for (const [code, overall] of Object.entries(scores)) {
    const rotterdam = { ethics: 1, 'open-data': 1.5, procurement: 2, coalitions: null };
    await insertScan(t.db, {
      code,
      period: 2026,
      overall,
      ...(code === 'GM0599' ? { themes: rotterdam } : {}),
    });
  }
  await setSharing(t.db, 'GM0599', 'named');
  await setSharing(t.db, 'GM0503', 'named');
  await setSharing(t.db, 'GM0518', 'aggregated');
  await insertScan(t.db, { code: 'GM0622', period: 2026, overall: 1 });
  await setSharing(t.db, 'GM0622', 'not-shared');
  await insertScan(t.db, { code: 'GM0599', period: 2025, overall: 2 });
}

describe('the region view for network coordinators', () => {
  let t: TestApp;
  let mrdh: TestClient;
  before(async () => {
    t = await createTestApp();
    await situation(t);
    ({ client: mrdh } = await signedInWith(t, { coordinates: ['mrdh'] }));
  });
  after(() => t.close());

  it('shows a coordinator of MRDH the participation and the network’s aggregated results', async () => {
    const page = await mrdh.get('/networks/mrdh/benchmark');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="utrecht-heading-1">Regio MRDH<\/h1>/);
    assert.match(page.body, /MRDH heeft 21 leden/);
    // Participation per year: 2025 one member, 2026 nine (Vlaardingen does not share, so it does not count).
    assert.match(
      page.body,
      /<th scope="row"[^>]*>2025<\/th>\s*<td[^>]*>\s*1\s*<\/td>\s*<td[^>]*>\s*21\s*<\/td>/,
    );
    assert.match(
      page.body,
      /<th scope="row"[^>]*>2026<\/th>\s*<td[^>]*>\s*9\s*<\/td>\s*<td[^>]*>\s*21\s*<\/td>/,
    );
    assert.match(page.body, /<svg[^>]*role="img"/);
    // Overall 2, 2.5, 3, 3, 3, 3, 3.25, 3.5, 4 (nine): positions (9 − 1)·p fall on values, so
    // Q1 at 2 → 3, median at 4 → 3, Q3 at 6 → 3.25.
    assert.match(page.body, /Resultaten van het netwerk in 2026/);
    assert.match(page.body, /Totaalscore: mediaan 3,0 \(eerste kwartiel 3,0, derde kwartiel 3,25\)/);
    assert.match(
      page.body,
      /1\. Bouwen[\s\S]*2\. Digitaal[\s\S]*3\. Randvoorwaarden[\s\S]*4\. Werken/,
      'pillars in order',
    );
    assert.match(page.body, /Regio<\/a/, 'the main navigation has the region entry');
  });

  it('lists the scores of members that share by name, and of no one else', async () => {
    const page = await mrdh.get('/networks/mrdh/benchmark');
    assert.match(page.body, /Scores van leden die met naam delen, 2026/);
    assert.match(page.body, /<th scope="row"[^>]*>Delft<\/th>\s*<td[^>]*>\s*3,25\s*<\/td>/);
    assert.match(page.body, /<th scope="row"[^>]*>Rotterdam<\/th>\s*<td[^>]*>\s*2,5\s*<\/td>/);
    // Rotterdam's three lowest themes, lowest first; a theme without a score does not count.
    assert.match(
      page.body,
      /Ethiek en normenkader \(1,0\); Open en gesloten data \(1,5\); Inkoop en aanbesteding[^<]* \(2,0\)/,
    );
    for (const other of ['Den Haag', 'Zoetermeer', 'Westland', 'Schiedam', 'Barendrecht', 'Vlaardingen'])
      assert.doesNotMatch(page.body, new RegExp(other), `${other} shares only in aggregate or not at all`);
  });

  it('says there are too few participants for a year with one', async () => {
    const page = await mrdh.get('/networks/mrdh/benchmark?period=2025');
    assert.match(page.body, /Resultaten van het netwerk in 2025/);
    assert.match(page.body, /Te weinig deelnemers/);
    assert.doesNotMatch(page.body, /Totaalscore: mediaan/);
    assert.match(page.body, /Rotterdam/, 'Rotterdam shares by name, also in 2025');
  });

  it('refuses the MRDH view to a coordinator of Zuid-Holland, who sees Zuid-Holland', async () => {
    const { client: zuidHolland } = await signedInWith(t, { coordinates: ['zuid-holland'] });
    assert.equal((await zuidHolland.get('/networks/mrdh/benchmark')).statusCode, 403);
    const own = await zuidHolland.get('/networks/zuid-holland/benchmark');
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Regio Zuid-Holland/);
    const anonymous = await new TestClient(t.app).get('/networks/mrdh/benchmark');
    assert.equal(anonymous.statusCode, 303);
  });

  it('lists the networks a user coordinates, with an empty state for others', async () => {
    const list = await mrdh.get('/networks');
    assert.match(list.body, /href="\/networks\/mrdh"/);
    assert.doesNotMatch(list.body, /href="\/networks\/zuid-holland"/);
    const { client: member } = await signedInAs(t, 'GM0599', 'admin');
    const empty = await member.get('/networks');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /U coördineert geen netwerk/);
    assert.doesNotMatch(empty.body, /href="\/networks"/, 'no region entry in the navigation');
    assert.equal((await member.get('/networks/mrdh/benchmark')).statusCode, 403);
  });

  it('gives the platform administrator every network, and a 404 for an unknown one', async () => {
    const { client: admin } = await signedInWith(t, { isPlatformAdmin: true });
    const list = await admin.get('/networks');
    assert.match(list.body, /href="\/networks\/mrdh"/);
    assert.match(list.body, /href="\/networks\/zuid-holland"/);
    assert.equal((await admin.get('/networks/mrdh/benchmark')).statusCode, 200);
    assert.equal((await admin.get('/networks/nowhere')).statusCode, 404);
  });
});
