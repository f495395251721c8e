import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';

describe('organisation API tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lets an administrator make a token, shown once, that reads the organisation’s scans until revoked', async () => {
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    const empty = await client.post('/o/GM0599/api-tokens', { name: '' }, '/o/GM0599/api-tokens');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Vul naam van de toepassing in/);

    const created = await client.post('/o/GM0599/api-tokens', { name: 'Power BI' }, '/o/GM0599/api-tokens');
    assert.equal(created.headers['cache-control'], 'no-store');
    const token = /value="(rk_[\w-]+)"/.exec(created.body)?.[1];
    assert.ok(token);
    const list = await client.get('/o/GM0599/api-tokens');
    assert.match(list.body, /Power BI/);
    assert.doesNotMatch(list.body, new RegExp(token), 'the full token is never shown again');

    const scans = await t.app.inject({
      url: '/api/v1/organisations/GM0599/scans',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(scans.statusCode, 200);
    assert.deepEqual(scans.json(), { items: [] });
    assert.equal(scans.headers['api-version'], '1.0.0');

    const id = /action="\/o\/GM0599\/api-tokens\/(\d+)\/revoke"/.exec(list.body)?.[1];
    const revoked = await client.request('POST', `/o/GM0599/api-tokens/${id}/revoke`, {
      _csrf: extractCsrf(list.body),
    });
    assert.equal(revoked.headers.location, '/o/GM0599/api-tokens?notice=revoked');
    const after = await t.app.inject({
      url: '/api/v1/organisations/GM0599/scans',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(after.statusCode, 401);
  });

  it('answers a wrong or missing token with 401 problem+json', async () => {
    const response = await t.app.inject({
      url: '/api/v1/organisations/GM0599/scans',
      headers: { authorization: 'Bearer rk_wrong' },
    });
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers['content-type']), /problem\+json/);
  });
});
