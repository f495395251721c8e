import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeRegistry } from './core/http/access.ts';
import { createUser, testPassword } from './testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from './testing/test-app.ts';

/** Route parameters with values that exist (as in app-access.test.ts). */
const concreteUrl = (url: string) =>
  url
    .replace(':code', 'GM0599')
    .replace(':network', 'zuid-holland')
    .replace(':themeId', 'ethics')
    .replace(/:[a-zA-Z]+/g, '1')
    .replace('*', 'app.css');

describe('private responses stay out of caches (issue 15, item 7)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends Cache-Control: no-store on every signed-in, coordinator, admin and export route', async () => {
    const admin = await createUser(t.db, { isPlatformAdmin: true, memberOf: { GM0599: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    const routes = routeRegistry(t.app).filter(
      (r) => r.method === 'GET' && r.access.kind !== 'public' && r.access.kind !== 'organisationApi',
    );
    assert.ok(routes.length > 30, `expected many private routes, found ${routes.length}`);
    for (const route of routes) {
      const response = await client.get(concreteUrl(route.url));
      assert.equal(
        response.headers['cache-control'],
        'no-store',
        `GET ${route.url} (${response.statusCode})`,
      );
    }
  });

  it('sends no-store on public pages to a signed-in visitor, whose name they show', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    assert.equal((await client.get('/organisations')).headers['cache-control'], 'no-store');
  });

  it('leaves public pages and assets to anonymous visitors cacheable', async () => {
    const client = new TestClient(t.app);
    for (const url of ['/', '/organisations', '/knowledge', '/assets/app.css']) {
      const response = await client.get(url);
      assert.notEqual(response.headers['cache-control'], 'no-store', `${url} (${response.statusCode})`);
    }
  });

  it('sends no-store on API answers for a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/GM0599/scans' });
    assert.equal(response.headers['cache-control'], 'no-store');
  });
});
