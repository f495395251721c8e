import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { authThrottle, oneTimeTokens, sessions, users } from '../../core/auth/auth.tables.ts';
import { verifyPassword } from '../../core/auth/passwords.ts';
import { throttleKey } from '../../core/auth/throttle.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { sendPasswordResetMails } from './accounts.service.ts';
import { accountRule } from './sign-in-limits.service.ts';

const newPassword = 'zomer aan de kust van zeeland';

async function signedInClient(t: TestApp, email: string) {
  const client = new TestClient(t.app);
  await client.signIn(email, testPassword);
  return client;
}

const change = (client: TestClient, form: Record<string, string>) =>
  client.post('/account/password', form, '/account/password');

describe('a signed-in user changes their password', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('ends every other session and outstanding reset link, records it and tells the owner by mail', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const laptop = await signedInClient(t, user.email);
    const phone = await signedInClient(t, user.email);
    await new TestClient(t.app).post('/forgot-password', { email: user.email });
    await sendPasswordResetMails(t.db, t.config.publicUrl);

    const changed = await change(laptop, {
      current: testPassword,
      password: newPassword,
      confirmation: newPassword,
    });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/account/sessions?notice=passwordChanged');
    assert.match((await laptop.get(changed.headers.location ?? '')).body, /Uw wachtwoord is gewijzigd/);
    assert.equal((await laptop.get('/o/GM0599')).statusCode, 200, 'this session goes on');
    assert.equal((await phone.get('/o/GM0599')).statusCode, 303, 'the other session has ended');
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 1);

    const links = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    assert.ok(links.length > 0 && links.every((link) => link.usedAt !== null), 'the reset link is dead');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    assert.ok(await verifyPassword(row?.passwordHash ?? '', newPassword));
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.password-changed'), eq(auditLog.actorUserId, user.id)));
    assert.deepEqual(audit?.details, { sessionsEnded: 1 });
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, user.email))
      .orderBy(desc(outbox.id));
    assert.equal(mail?.subject, 'Uw wachtwoord voor Routekaart is gewijzigd');
    await assert.rejects(
      signedInClient(t, user.email),
      /failed with 401/,
      'the old password no longer works',
    );
    await new TestClient(t.app).signIn(user.email, newPassword);
  });

  it('refuses a wrong current password with a clear message, counts it, and never echoes a password', async () => {
    const user = await createUser(t.db);
    const client = await signedInClient(t, user.email);
    const wrong = await change(client, {
      current: 'not my password at all',
      password: newPassword,
      confirmation: newPassword,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Dit is niet uw huidige wachtwoord/);
    assert.doesNotMatch(wrong.body, /not my password at all|zomer aan de kust/);
    const [failure] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign-in.failed'), eq(auditLog.actorUserId, user.id)));
    assert.equal((failure?.details as { step?: string }).step, 'password-change');
    const [counter] = await t.db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, throttleKey('sign-in-account', user.email)));
    assert.equal(counter?.count, 1, 'the failure counts towards the account limit');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    assert.ok(await verifyPassword(row?.passwordHash ?? '', testPassword), 'the password stays');
  });

  it('makes a guesser with a stolen session wait, as at sign-in', async () => {
    const user = await createUser(t.db);
    const client = await signedInClient(t, user.email);
    let last;
    for (let i = 0; i <= accountRule.free; i++)
      last = await change(client, {
        current: `guess ${i}`,
        password: newPassword,
        confirmation: newPassword,
      });
    assert.equal(last?.statusCode, 429);
    assert.ok(Number(last?.headers['retry-after']) > 0);
    assert.match(last?.body ?? '', /Wacht \d+ seconden/);
  });

  it('holds the new password to the policy of the reset, naming the field', async () => {
    const user = await createUser(t.db, { name: 'Annemarie Verhoeven' });
    const client = await signedInClient(t, user.email);
    const short = await change(client, { current: testPassword, password: 'kort', confirmation: 'kort' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /minstens 12 tekens/);
    const mismatch = await change(client, {
      current: testPassword,
      password: newPassword,
      confirmation: `${newPassword}!`,
    });
    assert.match(mismatch.body, /De twee wachtwoorden zijn niet gelijk/);
    const same = await change(client, {
      current: testPassword,
      password: testPassword,
      confirmation: testPassword,
    });
    assert.match(same.body, /hetzelfde als het huidige/);
    const empty = await change(client, { current: '', password: newPassword, confirmation: newPassword });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /huidig wachtwoord/i);
  });

  it('speaks English to an English user and is linked from the sessions page', async () => {
    const user = await createUser(t.db);
    const client = await signedInClient(t, user.email);
    assert.match((await client.get('/account/sessions')).body, /href="\/account\/password"/);
    await client.get('/language?lang=en&next=/account/password');
    const wrong = await change(client, {
      current: 'wrong guess here',
      password: newPassword,
      confirmation: newPassword,
    });
    assert.match(wrong.body, /This is not your current password/);
  });
});
