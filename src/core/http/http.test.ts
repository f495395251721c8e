import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { apiServerUrl, postmasterOf } from './api.ts';

describe('errors', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('answers an unknown page with a real, translated 404 page', async () => {
    const client = new TestClient(t.app);
    const dutch = await client.get('/bestaat-niet');
    assert.equal(dutch.statusCode, 404);
    assert.match(String(dutch.headers['content-type']), /text\/html/);
    assert.match(dutch.body, /<h1 class="utrecht-heading-1">Pagina niet gevonden<\/h1>/);
    assert.match(dutch.body, /href="#main"/, 'the error page has the full layout');
    await client.get('/language?lang=en&next=/');
    assert.match((await client.get('/missing')).body, /Page not found/);
  });

  it('answers a malformed id in a route URL with 404, not 400 or 500', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    for (const id of ['abc', '1e3', '-1', '0', '1.5', '99999999999999999999', '%201']) {
      const response = await client.get(`/o/GM0599/scans/${id}/answer`);
      assert.equal(response.statusCode, 404, `scan id ${id}`);
    }
  });

  it('answers API errors as problem+json with the version header', async () => {
    const response = await t.app.inject({ url: '/api/v1/does-not-exist' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json<{ status: number; title: string; detail: string }>();
    assert.equal(problem.status, 404);
    assert.equal(problem.title, 'Not Found');
    assert.equal(response.headers['api-version'], '1.0.0');
  });

  it('rejects invalid API input with a 400 problem that names the parameter', async () => {
    const response = await t.app.inject({ url: '/api/v1/organisations?pageSize=100000' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ detail: string }>().detail, /pageSize/);
  });

  it('shows a 500 without internals when the database is gone', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const response = await broken.app.inject({ url: '/organisations' });
    assert.equal(response.statusCode, 500);
    assert.match(response.body, /met de code [0-9a-f]{8}/);
    assert.doesNotMatch(response.body, /at |Error:|pglite|stack/i);
    const api = await broken.app.inject({ url: '/api/v1/organisations' });
    assert.equal(api.statusCode, 500);
    assert.doesNotMatch(api.body, /at |pglite|closed/i);
    await broken.app.close();
  });
});

describe('security headers and cookies', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends a strict Content-Security-Policy without unsafe-inline and forbids framing', async () => {
    const response = await t.app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
  });

  it('loads nothing from another host', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    for (const url of ['/', '/login', '/organisations', '/o/GM0599', '/o/GM0599/members', '/privacy']) {
      const body = (await client.get(url)).body;
      // Links to other sites are fine; anything the browser would fetch by itself is not.
      const external = [...body.matchAll(/(?:src="|<link[^>]*href=")(https?:)?\/\/[^"]+"/g)].map((m) => m[0]);
      assert.deepEqual(external, [], `${url} refers to another host`);
      assert.doesNotMatch(body, /style="/, `${url} uses an inline style (blocked by the CSP)`);
      assert.doesNotMatch(body, /<script>(?!<\/script>)/, `${url} has an inline script`);
    }
  });

  it('uses HSTS and Secure cookies behind HTTPS', async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://routekaart.example.nl' } });
    const user = await createUser(secure.db);
    const response = await new TestClient(secure.app).signIn(user.email, testPassword);
    assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
    const cookie = response.cookies.find((c) => c.name === 'rk_session');
    assert.equal(cookie?.secure, true);
    await secure.close();
  });
});

describe('API skeleton and operations', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('serves the OpenAPI document to any origin, with relative paths under a versioned server', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['api-version'], '1.0.0');
    const document = response.json<{
      openapi: string;
      info: { contact: { email: string; url: string } };
      servers: { url: string }[];
      paths: Record<string, unknown>;
    }>();
    assert.match(document.openapi, /^3\.0\./);
    // The API Design Rules allow only TLS: the document names the address behind the proxy.
    assert.equal(document.servers[0]?.url, 'https://routekaart.test/api/v1');
    assert.equal(document.info.contact.email, 'postmaster@routekaart.test');
    assert.ok(document.paths['/openapi.json']);
    assert.ok(document.paths['/organisations/{code}']);
    assert.equal(
      Object.keys(document.paths).some((p) => p.endsWith('/') || p.startsWith('/api') || p.includes('login')),
      false,
    );
  });

  it('names a contact address that is one, also for a machine without a domain', () => {
    assert.equal(postmasterOf('http://localhost:3000'), 'postmaster@localhost.localdomain');
    assert.equal(postmasterOf('https://routekaart.pzh.nl/sub'), 'postmaster@routekaart.pzh.nl');
    assert.equal(apiServerUrl('http://localhost:3000'), 'https://localhost:3000');
  });

  it('has no trailing-slash variants of API routes', async () => {
    const response = await t.app.inject({ url: '/api/v1/organisations/' });
    assert.notEqual(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /problem\+json/);
  });

  it('answers liveness without the database and readiness once the migrations are in', async () => {
    const live = await t.app.inject({ url: '/health/live' });
    assert.equal(live.statusCode, 200);
    // As if a newer version started before its migrations ran: the latest one is missing.
    const latest = sql`(select max(id) from drizzle.__drizzle_migrations)`;
    const [removed] = (
      (await t.db.execute(
        sql`delete from drizzle.__drizzle_migrations where id = ${latest} returning id, hash, created_at`,
      )) as unknown as { rows: { id: number; hash: string; created_at: string }[] }
    ).rows;
    assert.ok(removed);
    const pending = await t.app.inject({ url: '/health/ready' });
    assert.equal(pending.statusCode, 503);
    assert.equal(pending.json<{ status: string }>().status, 'migrations pending');
    await t.db.execute(
      sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${removed.id}, ${removed.hash}, ${removed.created_at})`,
    );
    const ready = await t.app.inject({ url: '/health/ready' });
    assert.equal(ready.statusCode, 200, ready.body);
    assert.deepEqual(ready.json(), { status: 'ok', database: t.database.kind });
  });

  it('reports health with the database kind, and Prometheus metrics', async () => {
    const health = await t.app.inject({ url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.equal(health.json<{ status: string }>().status, 'ok');
    await t.app.inject({ url: '/organisations' });
    const metrics = await t.app.inject({ url: '/metrics' });
    assert.match(metrics.body, /http_request_duration_seconds_bucket\{[^}]*route="\/organisations"/);
    assert.match(metrics.body, /process_resident_memory_bytes/);
  });
});
