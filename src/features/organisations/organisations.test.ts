import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';

interface Page {
  items: { code: string; displayName: string; name: string; kind: string; provinceCode: string | null }[];
  total: number;
}

describe('finding organisations', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('finds Den Haag by its common name, its official name and its CBS code', async () => {
    for (const q of ['haag', "'s-Gravenhage", 'gm0518']) {
      const page = await t.app.inject({ url: `/organisations?q=${encodeURIComponent(q)}` });
      assert.match(page.body, /href="\/organisations\/GM0518">Den Haag</, q);
    }
  });

  it('filters by province: Zuid-Holland has 50 municipalities', async () => {
    const response = await t.app.inject({
      url: '/api/v1/organisations?province=PV28&kind=municipality&pageSize=100',
    });
    const page = response.json<Page>();
    assert.equal(page.total, 50);
    assert.ok(page.items.every((o) => o.provinceCode === 'PV28'));
  });

  it('says so when nothing matches, and treats LIKE wildcards as text', async () => {
    const page = await t.app.inject({ url: '/organisations?q=%25%25' });
    assert.match(page.body, /Geen organisaties gevonden/);
  });

  it('pages through all 355 organisations', async () => {
    const first = await t.app.inject({ url: '/organisations' });
    assert.match(first.body, /355 organisaties gevonden/);
    assert.match(first.body, /Pagina 1 van 8/);
    const last = await t.app.inject({ url: '/organisations?page=8' });
    assert.match(last.body, /rel="prev"/);
  });

  it('shows an organisation profile with official name, province and networks', async () => {
    const page = await t.app.inject({ url: '/organisations/GM0518' });
    assert.match(page.body, /Officiële naam \(CBS\)<\/dt>\s*<dd[^>]*>\s*&#39;s-Gravenhage/);
    assert.match(page.body, /Zuid-Holland/);
    assert.match(page.body, /MRDH/);
    assert.equal((await t.app.inject({ url: '/organisations/GM9999' })).statusCode, 404);
  });

  it('answers the API for one organisation, and 404 as a problem for an unknown code', async () => {
    const rotterdam = await t.app.inject({ url: '/api/v1/organisations/gm0599' });
    assert.deepEqual(rotterdam.json(), {
      code: 'GM0599',
      kind: 'municipality',
      name: 'Rotterdam',
      displayName: 'Rotterdam',
      provinceCode: 'PV28',
    });
    const unknown = await t.app.inject({ url: '/api/v1/organisations/GM9999' });
    assert.equal(unknown.statusCode, 404);
    assert.match(String(unknown.headers['content-type']), /problem\+json/);
  });
});

describe('dashboards', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows the dashboard with a first step to a lone member, in the empty state', async () => {
    const user = await createUser(t.db, { memberOf: { GM0505: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const page = await client.get('/o/GM0505');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dashboard Dordrecht/);
    assert.match(page.body, /Uw team heeft 1 lid\./);
    assert.match(page.body, /Collega’s uitnodigen/);
  });

  it('tells a user without an organisation what to do', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const page = await client.get('/dashboard');
    assert.match(page.body, /hoort nog bij geen enkele organisatie/);
  });

  it('switches only to organisations the user belongs to', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'viewer', PV28: 'editor' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    assert.equal((await client.get('/switch-organisation?code=PV28')).headers.location, '/o/PV28');
    assert.equal((await client.get('/switch-organisation?code=GM0518')).headers.location, '/dashboard');
  });
});
