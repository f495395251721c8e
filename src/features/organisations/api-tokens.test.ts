import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../core/auth/auth.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { yearsFrom } from './api-tokens-form.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';

/** The form as an administrator sends it for a reading token of a year. */
const readForAYear = () => ({
  access: 'read',
  resources: ['scans', 'strategies', 'registers'],
  expires: yearsFrom(new Date(), 1),
});

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
    assert.match(empty.body, /Kies ten minste één onderdeel/);

    const created = await client.post(
      '/o/GM0599/api-tokens',
      { ...readForAYear(), name: 'Power BI' },
      '/o/GM0599/api-tokens',
    );
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

  it('limits a token to the parts chosen and refuses it after its last day', async () => {
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    const make = async (form: Record<string, string | string[]>) => {
      const page = await client.post('/o/GM0599/api-tokens', form, '/o/GM0599/api-tokens');
      return { page, token: /value="(rk_[\w-]+)"/.exec(page.body)?.[1] };
    };
    const scans = (token: string | undefined) =>
      t.app.inject({
        url: '/api/v1/organisations/GM0599/scans',
        headers: { authorization: `Bearer ${token}` },
      });

    const registersOnly = await make({ ...readForAYear(), name: 'Registers', resources: ['registers'] });
    assert.equal((await scans(registersOnly.token)).statusCode, 403);

    const tooLong = await make({ ...readForAYear(), name: 'Te lang', expires: yearsFrom(new Date(), 3) });
    assert.equal(tooLong.page.statusCode, 400);
    assert.match(tooLong.page.body, /binnen 2 jaar/);
    assert.match(tooLong.page.body, /value="Te lang"/, 'what was typed stays');
    const past = await make({ ...readForAYear(), name: 'Verleden', expires: '01-01-2020' });
    assert.equal(past.page.statusCode, 400);

    const soon = await make({ ...readForAYear(), name: 'Kort' });
    assert.equal((await scans(soon.token)).statusCode, 200);
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.name, 'Kort'));
    assert.equal((await scans(soon.token)).statusCode, 401);
    assert.match((await client.get('/o/GM0599/api-tokens')).body, /Verlopen/);
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
