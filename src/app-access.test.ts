import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeRegistry, type RouteRecord } from './core/http/access.ts';
import { createTestApp, TestClient, type TestApp } from './testing/test-app.ts';
import { createUser, organisationId, testPassword } from './testing/factories.ts';
import { createApiToken } from './features/organisations/index.ts';
import { concreteUrl } from './testing/route-urls.ts';

describe('every route has an access rule that is enforced', () => {
  let t: TestApp;
  const routes: RouteRecord[] = [];

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lists routes with rules (the app refuses to start without one)', async () => {
    routes.push(...routeRegistry(t.app).filter((r) => r.method !== 'HEAD'));
    assert.ok(routes.length > 20, `expected many routes, found ${routes.length}`);
    for (const route of routes) assert.ok(route.access, `${route.method} ${route.url} has no access rule`);
  });

  it('sends anonymous visitors of protected pages to sign-in, and refuses protected posts', async () => {
    const client = new TestClient(t.app);
    for (const route of routes.filter((r) => r.access.kind !== 'public')) {
      if (route.url.startsWith('/api/')) {
        const response = await t.app.inject({ method: route.method, url: concreteUrl(route.url) });
        assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
        assert.match(String(response.headers['www-authenticate']), /^Bearer/);
        continue;
      }
      const response =
        route.method === 'GET'
          ? await client.get(concreteUrl(route.url))
          : await client.post(concreteUrl(route.url));
      if (route.method === 'GET') {
        assert.equal(response.statusCode, 303, `GET ${route.url}`);
        assert.match(String(response.headers.location), /^\/login\?next=/, `GET ${route.url}`);
      } else {
        assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
      }
    }
  });

  it('refuses organisation routes to a member of another municipality', async () => {
    const delftAdmin = await createUser(t.db, { memberOf: { GM0503: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(delftAdmin.email, testPassword);
    const scoped = routes.filter((r) => r.access.kind === 'organisation');
    assert.ok(scoped.length >= 5);
    for (const route of scoped) {
      const url = concreteUrl(route.url, 'GM0599');
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      assert.equal(response.statusCode, 403, `${route.method} ${url}`);
    }
  });

  it("refuses API routes to another municipality's token, and to a session cookie", async () => {
    const delftAdmin = await createUser(t.db, { memberOf: { GM0503: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(delftAdmin.email, testPassword);
    const token = await createApiToken(t.db, await organisationId(t.db, 'GM0503'), 'test', delftAdmin.id);
    const apiRoutes = routes.filter((r) => r.access.kind === 'organisationApi');
    assert.ok(apiRoutes.length >= 3);
    for (const route of apiRoutes) {
      const url = concreteUrl(route.url.replace(':scanId', '1'), 'GM0599');
      const withToken = await t.app.inject({
        method: route.method,
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(withToken.statusCode, 403, url);
      const withCookie = await t.app.inject({
        method: route.method,
        url,
        headers: { cookie: client.cookieHeader },
      });
      assert.equal(withCookie.statusCode, 401, `${url} must not accept a session cookie`);
    }
  });

  it('refuses platform-administration and coordinator routes to an organisation administrator', async () => {
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    for (const route of routes.filter(
      (r) => r.access.kind === 'platformAdmin' || r.access.kind === 'networkCoordinator',
    )) {
      const url = concreteUrl(route.url);
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      assert.equal(response.statusCode, 403, `${route.method} ${url}`);
    }
  });

  it('refuses admin-only organisation routes to an editor of that organisation', async () => {
    const editor = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const client = new TestClient(t.app);
    await client.signIn(editor.email, testPassword);
    const adminOnly = routes.filter((r) => r.access.kind === 'organisation' && r.access.role === 'admin');
    assert.ok(adminOnly.length >= 4);
    for (const route of adminOnly) {
      const url = concreteUrl(route.url);
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      assert.equal(response.statusCode, 403, `${route.method} ${url}`);
    }
  });
});
