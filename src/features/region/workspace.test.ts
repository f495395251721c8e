import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { fixtureVersion } from '../benchmark/benchmark.fixtures.ts';
import { getFramework } from '../framework/index.ts';
import { formatted, hidden2025, hidden2026, mrdhBrigade, mrdhMaturity } from './region.fixtures.ts';

const squash = (body: string) => body.replace(/\s+/g, ' ');

describe("the coordinator's workspace", () => {
  let t: TestApp;
  let coordinator: TestClient;
  let ids: { waiting: number; worked: number };
  before(async () => {
    t = await createTestApp();
    await mrdhMaturity(t.db);
    ids = await mrdhBrigade(t.db);
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

  it('folds the same figures per theme under a summary, each theme under its pillar', async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    const folded = /<details class="rk-disclosure">(.*?)<\/details>/.exec(page)?.[1] ?? '';
    assert.match(folded, /<summary>Mediaan en spreiding per thema<\/summary>/);
    const framework = getFramework(fixtureVersion);
    const rows = folded.match(/<th scope="row"/g) ?? [];
    assert.equal(rows.length, framework.themes.length, 'a row per theme of the framework');
    // Every theme scored as its scan's overall: each theme's median and spread is the region's.
    const first = framework.themes.find((theme) => theme.pillar === 'strategy');
    assert.ok(first);
    const title = first.title.nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      folded,
      new RegExp(`1\\. ${title}</th>\\s*<td[^>]*>\\s*—\\s*</td>\\s*<td[^>]*>\\s*3,01 \\(2,43–3,53\\)`),
    );
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
