import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq, sql } from 'drizzle-orm';
import { authThrottle, users } from '../../core/auth/auth.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { codeAt } from '../../testing/second-factor.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createSetupLinkIfNeeded } from './index.ts';
import { sendPasswordResetMails } from './accounts.service.ts';

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`http://routekaart\\.test(/${path}/[\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in mail`);
  return match[1];
};

describe('signing in and out', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('signs in with the right password and sets a strict session cookie', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const client = new TestClient(t.app);
    const response = await client.signIn(user.email.toUpperCase(), testPassword);
    assert.equal(response.headers.location, '/dashboard');
    const cookie = response.cookies.find((c) => c.name === 'rk_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal(cookie?.secure, undefined, 'not Secure on plain http');
    const dashboard = await client.get('/dashboard');
    assert.equal(dashboard.headers.location, '/o/GM0599');
    assert.equal((await client.get('/o/GM0599')).statusCode, 200);
  });

  it('refuses a wrong password with a clear message and keeps the e-mail address', async () => {
    const user = await createUser(t.db);
    const response = await new TestClient(t.app).post('/login', {
      email: user.email,
      password: 'wrong password!',
    });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /Deze combinatie van e-mailadres en wachtwoord kennen we niet/);
    assert.match(response.body, new RegExp(`value="${user.email}"`));
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const response = await new TestClient(t.app).post('/login', {
      email: 'nobody@gemeente.example',
      password: 'whatever it is',
    });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /kennen we niet/);
  });

  it('names each empty field in Dutch, or in English when chosen', async () => {
    const client = new TestClient(t.app);
    const dutch = await client.post('/login', { email: '', password: '' });
    assert.equal(dutch.statusCode, 400);
    assert.match(dutch.body, /Vul e-mailadres in/);
    assert.match(dutch.body, /Vul wachtwoord in/);
    assert.match(dutch.body, /href="#field-email"/);
    await client.get('/language?lang=en&next=/login');
    const english = await client.post('/login', { email: 'not-an-address', password: '' });
    assert.match(english.body, /Enter a valid e-mail address/);
    assert.match(english.body, /<html lang="en"/);
  });

  it('never locks an account: after five failures the next try waits a little, then the right password works', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    for (let i = 0; i < 5; i++)
      await client.post('/login', { email: user.email, password: `wrong ${i} attempt` });
    const waiting = await client.post('/login', { email: user.email, password: testPassword });
    assert.equal(waiting.statusCode, 429);
    assert.match(waiting.body, /Wacht 1 seconden/);
    assert.equal(waiting.headers['retry-after'], '1');
    await t.db.update(authThrottle).set({ lastAt: sql`now() - interval '2 seconds'` });
    await client.signIn(user.email, testPassword);
  });

  it('refuses a form without a valid CSRF token and changes nothing', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    const response = await client.request('POST', '/login', {
      email: user.email,
      password: testPassword,
      _csrf: 'forged',
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /formulier is verlopen/);
    assert.equal(
      response.cookies.find((c) => c.name === 'rk_session'),
      undefined,
    );
  });

  it('signs out: the session no longer works', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    const client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
    const response = await client.post('/logout', {}, '/o/GM0599');
    assert.equal(response.headers.location, '/?notice=signed-out');
    assert.equal((await client.get('/o/GM0599')).statusCode, 303);
  });

  it('only follows same-site return addresses after sign-in', async () => {
    const user = await createUser(t.db);
    const client = new TestClient(t.app);
    const response = await client.post('/login', {
      email: user.email,
      password: testPassword,
      next: '//evil.example/x',
    });
    assert.equal(response.headers.location, '/dashboard');
  });
});

describe('forgotten passwords', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('mails a one-hour link that sets a new password once', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const client = new TestClient(t.app);
    const asked = await client.post('/forgot-password', { email: user.email });
    assert.match(asked.body, /Als dit e-mailadres bij ons bekend is/);
    await sendPasswordResetMails(t.db, t.config.publicUrl);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, user.email));
    assert.ok(mail, 'a mail is queued');
    const link = linkIn(mail.textBody, 'reset-password');

    const weak = await client.post(link, { password: 'short', confirmation: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /minstens 12 tekens/);
    const mismatch = await client.post(link, {
      password: 'a brand new sentence',
      confirmation: 'another sentence',
    });
    assert.match(mismatch.body, /niet gelijk/);

    const done = await client.post(link, {
      password: 'a brand new sentence',
      confirmation: 'a brand new sentence',
    });
    assert.equal(done.statusCode, 303);
    await new TestClient(t.app).signIn(user.email, 'a brand new sentence');
    const again = await new TestClient(t.app).post(link, {
      password: 'yet another sentence',
      confirmation: 'yet another sentence',
    });
    assert.equal(again.statusCode, 410);
    assert.equal((await new TestClient(t.app).get(link)).statusCode, 410, 'a used link shows why at once');
  });

  it('gives the same answer for an unknown address and sends nothing', async () => {
    const before = await t.db.select().from(outbox);
    const response = await new TestClient(t.app).post('/forgot-password', {
      email: 'unknown@gemeente.example',
    });
    assert.match(response.body, /Als dit e-mailadres bij ons bekend is/);
    await sendPasswordResetMails(t.db, t.config.publicUrl);
    assert.equal((await t.db.select().from(outbox)).length, before.length);
  });
});

describe('first administrator', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('creates the platform administrator through the one-time setup link', async () => {
    const link = await createSetupLinkIfNeeded(t.db, t.config.publicUrl);
    assert.ok(link);
    const path = new URL(link).pathname;
    const client = new TestClient(t.app);
    const invalid = await client.post(path, {
      name: 'Beheer',
      email: 'beheer@pzh.example',
      password: 'x',
      confirmation: 'x',
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /value="beheer@pzh\.example"/, 'typed values are kept');
    const existing = await createUser(t.db);
    const taken = await client.post(path, {
      name: 'Platform Beheer',
      email: existing.email,
      password: 'zuid holland digitaal 2026',
      confirmation: 'zuid holland digitaal 2026',
    });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Er bestaat al een account met dit e-mailadres/);

    const response = await client.post(path, {
      name: 'Platform Beheer',
      email: 'beheer@pzh.example',
      password: 'zuid holland digitaal 2026',
      confirmation: 'zuid holland digitaal 2026',
    });
    // A platform administrator must link an authenticator app before the first session.
    assert.equal(response.headers.location, '/sign-in/second-factor');
    assert.equal((await client.get('/admin')).statusCode, 303, 'no session yet');
    const enrol = await client.get('/sign-in/second-factor');
    const secret = /data-secret="([A-Z2-7]+)"/.exec(enrol.body)?.[1];
    assert.ok(secret, 'the page shows the key to type into the app');
    const codes = await client.post('/sign-in/second-factor', { code: await codeAt(secret) });
    assert.equal(codes.statusCode, 200);
    assert.match(codes.body, /href="\/admin\?notice=setup-done"/);
    assert.equal((await client.get('/admin')).statusCode, 200);
    const [admin] = await t.db.select().from(users).where(eq(users.email, 'beheer@pzh.example'));
    assert.equal(admin?.isPlatformAdmin, true);

    const reuse = await new TestClient(t.app).get(path);
    assert.equal(
      (
        await new TestClient(t.app).post(path, {
          name: 'X',
          email: 'x@pzh.example',
          password: 'zuid holland digitaal 2026',
          confirmation: 'zuid holland digitaal 2026',
        })
      ).statusCode,
      410,
    );
    assert.equal(reuse.statusCode, 410, 'a used link says so at once');
    assert.match(reuse.body, /Deze link werkt niet meer/);
    assert.equal(
      await createSetupLinkIfNeeded(t.db, t.config.publicUrl),
      undefined,
      'no new link once an administrator exists',
    );
  });

  it('stores no password in plain text', async () => {
    const rows = await t.db.select({ hash: users.passwordHash }).from(users).orderBy(desc(users.id));
    for (const row of rows) assert.match(row.hash ?? '', /^\$argon2id\$/);
  });
});
