import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { count } from 'drizzle-orm';
import { users } from '../auth/auth.tables.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';

/** Every log line the app writes, so that a test can look for what must never be in it. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(chunk.toString());
    done();
  }
}

describe('bad input is refused at the edge with a clear 4xx, never a 500', () => {
  let t: TestApp;
  const log = new LogCapture();
  before(async () => {
    t = await createTestApp({ logger: { level: 'info', stream: log } });
  });
  after(() => t.close());

  it('refuses a NUL in an anonymous form, naming the field and keeping the typed text', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/login', {
      email: 'jan.jansen@gemeente.nl\u0000',
      password: 'geheim',
    });
    assert.equal(response.statusCode, 422);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /„email”/);
    assert.match(response.body, /stuurteken/);
    assert.match(response.body, /jan\.jansen@gemeente\.nl/, 'what was typed is shown, without the NUL');
    assert.doesNotMatch(response.body, /geheim/, 'a password is never shown back');
  });

  it('refuses control characters in query strings and path parameters with 400', async () => {
    const anonymous = new TestClient(t.app);
    for (const url of ['/organisations?q=%00', '/organisations?q=a%1Bb', '/o/%00', '/o/GM0599%07/scans']) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.body, /stuurteken/, url);
    }
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    assert.equal((await client.get('/o/GM0599/registers/contracts?q=%00')).statusCode, 400);
  });

  it('accepts tabs and line breaks in text, and ordinary accented Dutch text', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const response = await client.post('/o/GM0599/registers/assessments', {
      name: 'Geluidsmeting Zuidplein – ’s-Gravendijkwal',
      description: 'Regel één\r\n\tingesprongen regel twee',
      assessment: 'dpia',
      status: 'in-progress',
    });
    assert.equal(response.statusCode, 303, response.body);
  });

  it('answers the API with problem+json naming the parameter', async () => {
    const response = await t.app.inject({ url: '/api/v1/organisations?q=%00' });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json<{ invalidParams: { name: string; code: string }[] }>();
    assert.deepEqual(
      problem.invalidParams.map((p) => [p.name, p.code]),
      [['q', 'controlCharacter']],
    );
  });

  it('answers a malformed multipart body with 400 on any POST, without signing in', async () => {
    for (const url of ['/login', '/forgot-password', '/o/GM0599/registers/contracts']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'multipart/form-data' },
        payload: 'abc',
      });
      assert.equal(response.statusCode, 400, `${url}: ${response.body.slice(0, 200)}`);
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf',
    });
    assert.equal(broken.statusCode, 400);
  });

  it('answers malformed JSON and url-encoded bodies with 400', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.ok([400, 415].includes(json.statusCode), `JSON: ${json.statusCode}`);
    const form = await t.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=%E0%A4%A&password=%',
    });
    assert.ok(form.statusCode >= 400 && form.statusCode < 500, `form: ${form.statusCode}`);
  });

  it('stores nothing on a refusal', async () => {
    const before = (await t.db.select({ n: count() }).from(users))[0]?.n;
    const client = new TestClient(t.app);
    const page = await client.get('/forgot-password');
    const response = await client.request('POST', '/forgot-password', {
      _csrf: extractCsrf(page.body),
      email: 'a\u0000@b.nl',
    });
    assert.equal(response.statusCode, 422);
    assert.equal((await t.db.select({ n: count() }).from(users))[0]?.n, before);
  });

  it('writes no query string or form value to the log', async () => {
    const client = new TestClient(t.app);
    await client.get('/organisations?q=Marieke%20de%20Vries%00');
    await client.post('/login', { email: 'marieke.devries@example.nl\u0000', password: 'x' });
    const written = log.lines.join('\n');
    assert.ok(log.lines.length > 0, 'the app logs requests');
    assert.doesNotMatch(written, /Marieke|marieke|devries/);
  });
});
