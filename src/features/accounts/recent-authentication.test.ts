import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { sessions } from '../../core/auth/auth.tables.ts';
import { throttleKey } from '../../core/auth/throttle.ts';
import { authThrottle } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';

/** The session's sign-in moves an hour back: longer ago than REAUTHENTICATE_AFTER_MINUTES (15). */
const letTimePass = (t: TestApp, userId: number) =>
  t.db
    .update(sessions)
    .set({ authenticatedAt: sql`now() - interval '1 hour'` })
    .where(eq(sessions.userId, userId));

const confirmPage = (next: string) => `/account/confirm-password?next=${encodeURIComponent(next)}`;

describe('sensitive actions need a recent sign-in or the password again', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends a stale session to confirm the password, back to the form, and does not replay the action', async () => {
    const user = await createUser(t.db);
    const laptop = new TestClient(t.app);
    await laptop.signIn(user.email, testPassword);
    const phone = new TestClient(t.app);
    await phone.signIn(user.email, testPassword);
    await letTimePass(t, user.id);

    const stale = await laptop.post('/account/sessions/end', { session: 'others' }, '/account/sessions');
    assert.equal(stale.statusCode, 303);
    assert.equal(stale.headers.location, confirmPage('/account/sessions'));
    assert.equal((await phone.get('/account/sessions')).statusCode, 200, 'nothing was ended');

    const page = await laptop.get(stale.headers.location ?? '');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bevestig uw wachtwoord/);
    assert.match(page.body, /name="next" value="\/account\/sessions"/);
    const confirmed = await laptop.request('POST', '/account/confirm-password', {
      _csrf: extractCsrf(page.body),
      next: '/account/sessions',
      password: testPassword,
    });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/account/sessions', 'back to the form, not the POST');
    assert.equal((await phone.get('/account/sessions')).statusCode, 200, 'still nothing was ended');

    const fresh = await laptop.post('/account/sessions/end', { session: 'others' }, '/account/sessions');
    assert.equal(fresh.headers.location, '/account/sessions?notice=othersEnded');
    assert.equal((await phone.get('/account/sessions')).statusCode, 303, 'now the phone is signed out');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.password-confirmed'), eq(auditLog.actorUserId, user.id)));
    assert.ok(audit, 'the confirmation is in the audit trail');
  });

  it('refuses a wrong password on the confirm page, counts it, and keeps the way back', async () => {
    const { user, client } = await signedInWith(t);
    await letTimePass(t, user.id);
    const wrong = await client.post(
      '/account/confirm-password',
      { next: '/account/sessions', password: 'not the password' },
      confirmPage('/account/sessions'),
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Dit is niet uw huidige wachtwoord/);
    assert.match(wrong.body, /name="next" value="\/account\/sessions"/);
    assert.doesNotMatch(wrong.body, /not the password/);
    const [counter] = await t.db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, throttleKey('sign-in-account', user.email)));
    assert.equal(counter?.count, 1);
    const elsewhere = await client.post(
      '/account/confirm-password',
      { next: 'https://evil.example/', password: testPassword },
      confirmPage('/account/sessions'),
    );
    assert.equal(elsewhere.headers.location, '/dashboard', 'never to another site');
  });

  it('guards roles, invitations, a colleague’s sessions and second factor, API tokens and single sign-on', async () => {
    const { user, client } = await signedInAs(t, 'GM0599', 'admin');
    const colleague = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    await letTimePass(t, user.id);
    const guarded: [string, Record<string, string>, string][] = [
      [
        `/o/GM0599/members/${colleague.id}/role`,
        { role: 'admin', expectedRole: 'editor' },
        '/o/GM0599/members',
      ],
      ['/o/GM0599/members/invite', { email: 'nieuw@gemeente.example', role: 'admin' }, '/o/GM0599/members'],
      [`/o/GM0599/members/${colleague.id}/sessions/end`, {}, '/o/GM0599/members'],
      [`/o/GM0599/members/${colleague.id}/second-factor/reset`, {}, '/o/GM0599/members/second-factor'],
      ['/o/GM0599/api-tokens', { name: 'Power BI' }, '/o/GM0599/api-tokens'],
      ['/o/GM0599/sign-on', { issuer: 'https://idp.example' }, '/o/GM0599/sign-on'],
    ];
    for (const [url, form, back] of guarded) {
      const response = await client.post(url, form, '/o/GM0599/members');
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, confirmPage(back), url);
    }
    const members = await client.get('/o/GM0599/members');
    assert.match(members.body, /Test User/);
    assert.equal((await client.get(`/o/GM0599/members`)).statusCode, 200, 'reading needs no password');
  });

  it('guards the platform administrator’s coordinator changes', async () => {
    const { user, client } = await signedInWith(t, { isPlatformAdmin: true });
    await letTimePass(t, user.id);
    const response = await client.post(
      '/admin/networks/zuid-holland/coordinators',
      { 'email-zuid-holland': user.email },
      '/admin/networks',
    );
    assert.equal(response.headers.location, confirmPage('/admin/networks'));
  });

  it('lets a fresh sign-in through, within the configured minutes', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    const colleague = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    const response = await client.post(
      `/o/GM0599/members/${colleague.id}/role`,
      { role: 'editor', expectedRole: 'viewer' },
      '/o/GM0599/members',
    );
    assert.equal(response.headers.location, '/o/GM0599/members?notice=roleChanged');
  });
});
