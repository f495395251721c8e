import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { oneTimeTokens, sessions } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { describeDevice } from './account-sessions.model.ts';
import { sendPasswordResetMails } from './accounts.service.ts';

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

async function signInWith(t: TestApp, email: string, userAgent: string) {
  const client = new TestClient(t.app);
  await client.request('GET', '/login', undefined, { 'user-agent': userAgent });
  const page = await client.get('/login');
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await client.request(
    'POST',
    '/login',
    { email, password: testPassword, _csrf: csrf },
    { 'user-agent': userAgent },
  );
  assert.equal(response.statusCode, 303);
  return client;
}

async function resetLink(t: TestApp, email: string): Promise<string> {
  await new TestClient(t.app).post('/forgot-password', { email });
  await sendPasswordResetMails(t.db, t.config.publicUrl);
  const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, email)).orderBy(desc(outbox.id));
  const link = /http:\/\/routekaart\.test(\/reset-password\/[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
  assert.ok(link, 'a reset link was mailed');
  return link;
}

describe('sessions after a password reset', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('ends every other session and makes every older reset link unusable', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const laptop = await signInWith(t, user.email, firefox);
    const phone = await signInWith(t, user.email, iphone);
    const older = await resetLink(t, user.email);
    const newer = await resetLink(t, user.email);
    const reset = await new TestClient(t.app).post(newer, {
      password: 'zomer aan de kust van zeeland',
      confirmation: 'zomer aan de kust van zeeland',
    });
    assert.equal(reset.statusCode, 303);
    assert.equal((await laptop.get('/o/GM0599')).statusCode, 303, 'the laptop is signed out');
    assert.equal((await phone.get('/o/GM0599')).statusCode, 303, 'the phone is signed out');
    assert.equal((await new TestClient(t.app).get(older)).statusCode, 410, 'the older link is dead');
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    assert.equal(rows.length, 1, 'only the session the reset started');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.password-reset'))
      .orderBy(desc(auditLog.id));
    assert.deepEqual(audit?.details, { sessionsEnded: 2 });
    const links = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    assert.ok(links.every((link) => link.usedAt !== null));
  });
});

describe('a user sees and ends their own sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lists the devices with when they were last used, and ends one or all others', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    const laptop = await signInWith(t, user.email, firefox);
    const phone = await signInWith(t, user.email, iphone);
    const page = await laptop.get('/account/sessions');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /Firefox op Windows/);
    assert.match(page.body, /Safari op iOS/);
    assert.match(page.body, /Deze sessie/);
    const phoneId = (await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).find((s) =>
      s.userAgent.includes('iPhone'),
    )?.id;
    assert.ok(phoneId);
    const ended = await laptop.post('/account/sessions/end', { session: phoneId }, '/account/sessions');
    assert.equal(ended.headers.location, '/account/sessions?notice=ended');
    assert.equal((await phone.get('/o/GM0599')).statusCode, 303, 'the phone is signed out');
    assert.equal((await laptop.get('/o/GM0599')).statusCode, 200, 'the laptop is not');
  });

  it("cannot end someone else's session, and says so", async () => {
    const other = await createUser(t.db);
    const otherClient = await signInWith(t, other.email, firefox);
    const [otherSession] = await t.db.select().from(sessions).where(eq(sessions.userId, other.id));
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    const refused = await client.post(
      '/account/sessions/end',
      { session: otherSession?.id ?? '' },
      '/account/sessions',
    );
    assert.equal(refused.statusCode, 404);
    assert.match(refused.body, /Deze sessie bestaat niet meer/);
    assert.equal((await otherClient.get('/account/sessions')).statusCode, 200);
  });

  it('ends all other sessions at once', async () => {
    const user = await createUser(t.db);
    const first = await signInWith(t, user.email, firefox);
    const second = await signInWith(t, user.email, iphone);
    await first.post('/account/sessions/end', { session: 'others' }, '/account/sessions');
    assert.equal((await second.get('/account/sessions')).statusCode, 303);
    assert.equal((await first.get('/account/sessions')).statusCode, 200);
  });

  it('names devices from their User-Agent', () => {
    assert.deepEqual(describeDevice(firefox), { browser: 'Firefox', system: 'Windows' });
    assert.deepEqual(describeDevice(iphone), { browser: 'Safari', system: 'iOS' });
    assert.deepEqual(describeDevice(''), { browser: '', system: '' });
  });
});

describe('an administrator signs a colleague out', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('ends every session of a member, and refuses someone who is not a member', async () => {
    const colleague = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const colleagueClient = await signInWith(t, colleague.email, firefox);
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    const done = await admin.post(`/o/GM0599/members/${colleague.id}/sessions/end`, {}, '/o/GM0599/members');
    assert.equal(done.headers.location, '/o/GM0599/members?notice=sessionsEnded');
    assert.equal((await colleagueClient.get('/o/GM0599')).statusCode, 303);
    const stranger = await createUser(t.db, { memberOf: { GM0518: 'editor' } });
    const strangerClient = await signInWith(t, stranger.email, firefox);
    const refused = await admin.post(
      `/o/GM0599/members/${stranger.id}/sessions/end`,
      {},
      '/o/GM0599/members',
    );
    assert.equal(refused.statusCode, 404);
    assert.equal((await strangerClient.get('/o/GM0518')).statusCode, 200, 'a stranger stays signed in');
  });
});

describe('invitations are used up only by the invited address', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function invite(email: string): Promise<string> {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    await client.post('/o/GM0599/members/invite', { email, role: 'editor' }, '/o/GM0599/members');
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, email))
      .orderBy(desc(outbox.id));
    const link = /(\/invitation\/[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
    assert.ok(link);
    return link;
  }

  it('keeps the link when another signed-in user presses accept, then the invitee accepts', async () => {
    const link = await invite('nieuwe.collega@rotterdam.example');
    const { client: intruder } = await signedInAs(t, 'GM0518', 'viewer');
    const refused = await intruder.post(link, {});
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Deze uitnodiging is voor nieuwe.collega@rotterdam.example/);
    const invitee = new TestClient(t.app);
    const accepted = await invitee.post(link, {
      name: 'Nieuwe Collega',
      password: 'fietsen langs de oude rijn',
      confirmation: 'fietsen langs de oude rijn',
    });
    assert.equal(accepted.headers.location, '/dashboard?notice=invitation-accepted');
  });

  it('keeps the link when the invitee with an account posts it signed out, then accepts after signing in', async () => {
    const existing = await createUser(t.db, { memberOf: { GM0518: 'viewer' } });
    const link = await invite(existing.email);
    const signedOut = await new TestClient(t.app).post(link, {
      name: 'Iemand',
      password: 'fietsen langs de oude rijn',
      confirmation: 'fietsen langs de oude rijn',
    });
    assert.equal(signedOut.statusCode, 403);
    assert.match(signedOut.body, /Log eerst in/);
    const client = new TestClient(t.app);
    await client.signIn(existing.email, testPassword);
    const accepted = await client.post(link, {});
    assert.equal(accepted.headers.location, '/dashboard?notice=invitation-accepted');
    assert.equal((await client.post(link, {})).statusCode, 410, 'and then it is used up');
  });
});
