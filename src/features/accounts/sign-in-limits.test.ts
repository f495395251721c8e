import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import { authThrottle, passwordResetRequests } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { sendPasswordResetMails } from './accounts.service.ts';
import {
  accountRule,
  addressRule,
  resetMailsPerAccount,
  resetMailsPerAddress,
} from './sign-in-limits.service.ts';

/** Issue 15, item 3: each finding of the attack as a test. Posts come from a chosen client address. */
async function postFrom(t: TestApp, address: string, url: string, form: Record<string, string>) {
  const client = new TestClient(t.app);
  const csrf = extractCsrf((await client.get(url)).body);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: address,
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
  });
}

let nextAddress = 10;
const freshAddress = () => `203.0.113.${nextAddress++}`;
/** Lets time pass for the limits: every counter's last failure moves back. */
const passTime = (t: TestApp, seconds: number) =>
  t.db.update(authThrottle).set({ lastAt: sql`${authThrottle.lastAt} - make_interval(secs => ${seconds})` });

describe('sign-in limits without lock-out', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lets the owner in once the wait is over, however many wrong passwords others tried from many addresses', async () => {
    const owner = await createUser(t.db);
    for (let i = 0; i < 12; i++) {
      await postFrom(t, freshAddress(), '/login', { email: owner.email, password: `guess ${i} wrong` });
      await passTime(t, 61);
    }
    // The delay never grows past a minute: no lock that an attacker can keep up for someone else.
    const attempt = await postFrom(t, freshAddress(), '/login', {
      email: owner.email,
      password: 'guess again',
    });
    assert.equal(attempt.statusCode, 401, 'after the longest wait a try is judged again');
    const waiting = await postFrom(t, freshAddress(), '/login', {
      email: owner.email,
      password: testPassword,
    });
    assert.equal(waiting.statusCode, 429);
    assert.ok(Number(waiting.headers['retry-after']) <= accountRule.maxSeconds);
    await passTime(t, accountRule.maxSeconds);
    const signedIn = await postFrom(t, freshAddress(), '/login', {
      email: owner.email,
      password: testPassword,
    });
    assert.equal(signedIn.statusCode, 303);
  });

  it('answers known and unknown accounts alike, attempt after attempt', async () => {
    const known = await createUser(t.db);
    const address = freshAddress();
    const statuses = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const response = await postFrom(t, address, '/login', { email, password: `wrong password ${i}` });
        seen.push(`${response.statusCode} ${response.headers['retry-after'] ?? '-'}`);
      }
      return seen;
    };
    const forKnown = await statuses(known.email);
    await t.db.delete(authThrottle);
    const forUnknown = await statuses('niemand@gemeente.example');
    assert.deepEqual(forUnknown, forKnown);
    assert.deepEqual(forKnown.slice(4, 7), ['401 -', '429 1', '429 1']);
  });

  it('slows password spraying: 16 tries against 4 accounts from one address meet the address limit', async () => {
    const accounts = await Promise.all([1, 2, 3, 4].map(() => createUser(t.db)));
    const address = freshAddress();
    const codes: number[] = [];
    for (let i = 0; i < 16; i++) {
      const email = accounts[i % 4]?.email ?? '';
      codes.push((await postFrom(t, address, '/login', { email, password: `Welkom2026!${i}` })).statusCode);
    }
    assert.equal(codes.filter((c) => c === 401).length, addressRule.free, 'the free tries, then waits');
    assert.ok(codes.slice(addressRule.free).every((c) => c === 429));
    const elsewhere = await postFrom(t, freshAddress(), '/login', {
      email: accounts[0]?.email ?? '',
      password: testPassword,
    });
    assert.equal(elsewhere.statusCode, 303, 'the owner at another address is not held up');
  });

  it('tells the owner by mail after five failures in a row, once, and records each failure in the trail', async () => {
    const owner = await createUser(t.db, { name: 'Ria Owner' });
    for (let i = 0; i < 5; i++) {
      await postFrom(t, freshAddress(), '/login', { email: owner.email, password: `wrong ${i} again` });
      await passTime(t, 61);
    }
    await postFrom(t, freshAddress(), '/login', { email: owner.email, password: 'one more wrong' });
    const notices = await t.db.select().from(outbox).where(eq(outbox.recipient, owner.email));
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.subject ?? '', /Mislukte inlogpogingen/);
    assert.match(notices[0]?.textBody ?? '', /Ria Owner.*5 keer/s);
    const [failed] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign-in.failed'), eq(auditLog.actorUserId, owner.id)));
    assert.equal(failed?.n, 6);
  });
});

describe('forgot-password without enumeration or mail floods', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('does the same work for a known and an unknown address: one queued request each, the same page', async () => {
    const user = await createUser(t.db);
    const known = await postFrom(t, freshAddress(), '/forgot-password', { email: user.email });
    const unknown = await postFrom(t, freshAddress(), '/forgot-password', {
      email: 'nobody@gemeente.example',
    });
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(
      known.body.replace(/name="csrf-token" content="[^"]+"|value="[^"]+"/g, ''),
      unknown.body.replace(/name="csrf-token" content="[^"]+"|value="[^"]+"/g, ''),
    );
    assert.equal((await t.db.select().from(passwordResetRequests)).length, 2);
    assert.equal(
      await sendPasswordResetMails(t.db, t.config.publicUrl),
      1,
      'only the known one becomes a mail',
    );
    assert.equal((await t.db.select().from(passwordResetRequests)).length, 0);
  });

  it(`sends at most ${resetMailsPerAccount} reset mails an hour to one account, however often asked`, async () => {
    const user = await createUser(t.db);
    for (let i = 0; i < 20; i++) {
      const response = await postFrom(t, freshAddress(), '/forgot-password', { email: user.email });
      assert.equal(response.statusCode, 200, 'the answer does not reveal the limit');
    }
    await sendPasswordResetMails(t.db, t.config.publicUrl);
    const mails = await t.db.select().from(outbox).where(eq(outbox.recipient, user.email));
    assert.equal(mails.length, resetMailsPerAccount);
  });

  it(`refuses more than ${resetMailsPerAddress} requests an hour from one address, in Dutch, keeping the input`, async () => {
    const address = freshAddress();
    for (let i = 0; i < resetMailsPerAddress; i++)
      await postFrom(t, address, '/forgot-password', { email: `iemand${i}@gemeente.example` });
    const refused = await postFrom(t, address, '/forgot-password', { email: 'laatste@gemeente.example' });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /te veel links aangevraagd/);
    assert.match(refused.body, /value="laatste@gemeente.example"/);
  });
});
