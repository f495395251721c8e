import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { secondFactors } from '../../core/auth/second-factor.tables.ts';
import { authThrottle, sessions } from '../../core/auth/auth.tables.ts';
import { throttleKey } from '../../core/auth/throttle.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { codeAt, nextCodeFor } from '../../testing/second-factor.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';

const step = '/sign-in/second-factor';
const stepNow = () => Math.floor(Date.now() / 30_000);

/** Links an app through a page that shows the enrolment form; returns its key and the recovery codes. */
async function enrolThrough(client: TestClient, path: string) {
  const page = await client.get(path);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]*viewBox/, 'the QR code is drawn on the server as SVG');
  const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1];
  assert.ok(secret);
  const wrong = await client.post(path, { code: '000000' === (await codeAt(secret)) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Deze code klopt niet/);
  const done = await client.post(path, { code: await codeAt(secret) });
  assert.equal(done.statusCode, 200);
  const codes = [...done.body.matchAll(/<code>([A-Z2-9]{5}-[A-Z2-9]{5})<\/code>/g)].map((m) => m[1] ?? '');
  return { secret, codes };
}

async function passwordStep(t: TestApp, email: string) {
  const client = new TestClient(t.app);
  const response = await client.post('/login', { email, password: testPassword });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, step);
  return client;
}

describe('second factor (TOTP)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('enrols from the account page, shows ten recovery codes once, and asks for a code at sign-in', async () => {
    const { user, client } = await signedInAs(t, 'GM0599', 'editor');
    const { secret, codes } = await enrolThrough(client, '/account/second-factor');
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    const [row] = await t.db.select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    assert.ok(row?.confirmedAt);
    assert.ok(!row.secretSealed.includes(secret), 'the key is stored sealed, not as typed');
    assert.match((await client.get('/account/second-factor')).body, /nog 10 ongebruikte herstelcodes/);

    const next = await passwordStep(t, user.email);
    assert.equal((await next.get('/o/GM0599')).statusCode, 303, 'a password alone opens no session');
    const page = await next.get(step);
    assert.match(page.body, /autocomplete="one-time-code"/);
    const signedIn = await next.post(step, { code: await codeAt(secret, stepNow() + 1) });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/dashboard');
    assert.equal((await next.get('/o/GM0599')).statusCode, 200);
  });

  it('refuses a wrong code and a code that was already used, with a clear message', async () => {
    const user = await createUser(t.db, { memberOf: { GM0599: 'viewer' }, secondFactor: true });
    const [row] = await t.db.select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    assert.ok(row);
    const first = await passwordStep(t, user.email);
    const code = await nextCodeFor(t.db, user.email);
    const wrong = await first.post(step, { code: code === '123456' ? '654321' : '123456' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /Deze code klopt niet of is al gebruikt/);
    assert.equal((await first.post(step, { code })).statusCode, 303);

    const second = await passwordStep(t, user.email);
    const replay = await second.post(step, { code });
    assert.equal(replay.statusCode, 401, 'the same code is not accepted twice');
    const empty = await second.post(step, { code: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Vul de code van 6 cijfers/);
  });

  it('counts wrong codes towards the sign-in limit, also across a new correct password', async () => {
    const user = await createUser(t.db, { secondFactor: true });
    let client = await passwordStep(t, user.email);
    for (let i = 0; i < 3; i++)
      assert.equal((await client.post(step, { code: 'AAAAA-AAAA1' })).statusCode, 401);
    // A correct password does not reset the count: the sixth wrong code in a row has to wait.
    client = await passwordStep(t, user.email);
    for (let i = 0; i < 2; i++)
      assert.equal((await client.post(step, { code: 'AAAAA-AAAA1' })).statusCode, 401);
    const blocked = await client.post(step, { code: 'AAAAA-AAAA1' });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Wacht \d+ seconden/);
    // More failures make the wait long enough that a slow machine cannot outlast it before the next post.
    await t.db
      .update(authThrottle)
      .set({ count: sql`${authThrottle.count} + 4`, lastAt: sql`now()` })
      .where(eq(authThrottle.key, throttleKey('sign-in-account', user.email)));
    const right = await client.post(step, { code: await nextCodeFor(t.db, user.email) });
    assert.equal(right.statusCode, 429, 'even the right code waits until the delay is over');
  });

  it('accepts a recovery code once; the second use is refused', async () => {
    const { user, client } = await signedInAs(t, null);
    const { codes } = await enrolThrough(client, '/account/second-factor');
    const code = codes[3] ?? '';
    const first = await passwordStep(t, user.email);
    assert.equal((await first.post(step, { code: code.toLowerCase().replace('-', ' ') })).statusCode, 303);
    assert.match((await first.get('/account/second-factor')).body, /nog 9 ongebruikte herstelcodes/);
    const second = await passwordStep(t, user.email);
    const again = await second.post(step, { code });
    assert.equal(again.statusCode, 401);
    assert.match(again.body, /al gebruikt/);
    const used = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.recovery-code-used'));
    assert.ok(used.some((e) => e.actorUserId === user.id));
  });

  it('sends a step without a valid pending sign-in back to the login page', async () => {
    const client = new TestClient(t.app);
    const response = await client.get(step);
    assert.equal(response.headers.location, '/login?notice=second-factor-expired');
    const forged = await client.request('GET', step, undefined, {
      cookie: 'rk_pending=1.99999999999999.Lw.forged',
    });
    assert.equal(forged.headers.location, '/login?notice=second-factor-expired');
    assert.match(
      (await client.get('/login?notice=second-factor-expired')).body,
      /Uw inlogpoging is verlopen/,
    );
  });

  it('makes platform administrators and network coordinators enrol before their first session', async () => {
    for (const options of [{ isPlatformAdmin: true }, { coordinates: ['mrdh'] }]) {
      const user = await createUser(t.db, { ...options, secondFactor: false });
      const client = await passwordStep(t, user.email);
      assert.match(
        (await client.get(step)).body,
        /Voor uw account is een tweede stap bij het inloggen verplicht/,
      );
      assert.equal((await client.get('/networks')).statusCode, 303, 'no session before enrolment');
      const { codes } = await enrolThrough(client, step);
      assert.equal(codes.length, 10);
      assert.equal((await client.get('/networks')).statusCode, 200);
    }
  });

  it("lets an organisation's administrator require it for all and reset a colleague's second factor", async () => {
    const { client: admin } = await signedInAs(t, 'GM0518', 'admin');
    const colleague = await createUser(t.db, { memberOf: { GM0518: 'editor' } });
    const outsider = await createUser(t.db, { memberOf: { GM0599: 'editor' }, secondFactor: true });
    const save = await admin.post('/o/GM0518/members/second-factor', { require: 'yes' });
    assert.equal(save.headers.location, '/o/GM0518/members/second-factor?notice=policySaved');
    const overview = await admin.get(String(save.headers.location));
    assert.match(overview.body, /De instelling is opgeslagen/);
    assert.match(overview.body, /value="yes"\s+checked/);

    const client = await passwordStep(t, colleague.email);
    const { secret } = await enrolThrough(client, step);
    assert.equal((await client.get('/o/GM0518')).statusCode, 200);

    const reset = await admin.post(`/o/GM0518/members/${colleague.id}/second-factor/reset`);
    assert.equal(reset.statusCode, 303);
    assert.match((await admin.get(String(reset.headers.location))).body, /is gewist/);
    assert.equal((await client.get('/o/GM0518')).statusCode, 303, "the colleague's sessions ended");
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, colleague.id));
    assert.equal(left.length, 0);
    const again = await passwordStep(t, colleague.email);
    const enrolAgain = await again.get(step);
    assert.match(enrolAgain.body, /Tweestapsverificatie instellen/, 're-enrolment, with a new key');
    assert.ok(!enrolAgain.body.includes(`data-secret="${secret}"`));

    const foreign = await admin.post(`/o/GM0518/members/${outsider.id}/second-factor/reset`);
    assert.equal(foreign.statusCode, 404, 'only colleagues of this organisation');
    const [kept] = await t.db.select().from(secondFactors).where(eq(secondFactors.userId, outsider.id));
    assert.ok(kept?.confirmedAt);
  });
});
