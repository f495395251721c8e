import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq, sql } from 'drizzle-orm';
import { maxUploadBytes } from '../../core/http/uploads.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { uploadDocument } from './guide.service.ts';
import {
  freshAddress,
  multipart,
  postFrom,
  stampFrom,
  tinyPdf,
  elfBytes,
  validGuideForm,
} from './intake.fixtures.ts';
import { guideDocuments, guideRequests } from './intake.tables.ts';
import { submissionsPerHour } from './intake-spam.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');

async function lastMailTo(t: TestApp, to: string) {
  const [mail] = await t.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, to))
    .orderBy(desc(outbox.id))
    .limit(1);
  assert.ok(mail, `a mail to ${to} is queued`);
  return mail;
}

function linkPath(text: string): string {
  const match = /http:\/\/routekaart\.test(\/handreiking\/download\/[A-Za-z0-9_-]+)/.exec(text);
  assert.ok(match?.[1], text);
  return match[1];
}

describe('requesting the handreiking', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const submit = (form: Record<string, string>, address = freshAddress()) =>
    postFrom(new TestClient(t.app), t.app, '/handreiking', form, address);

  it('stores the request and queues a mail with a personal link, then the link serves the current version and counts downloads', async () => {
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    await uploadDocument(t.db, { filename: 'v1.pdf', data: tinyPdf }, coordinator.id);
    const v2 = Buffer.concat([tinyPdf, Buffer.from('% version 2\n')]);
    await uploadDocument(t.db, { filename: 'v2.pdf', data: v2 }, coordinator.id);

    const response = await submit({ ...validGuideForm, ...stampFrom(t.app) });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/handreiking/received');
    const [stored] = await t.db
      .select()
      .from(guideRequests)
      .where(eq(guideRequests.email, validGuideForm.email));
    assert.ok(stored);
    assert.equal(stored.name, 'Maartje de Graaf');
    const mail = await lastMailTo(t, validGuideForm.email);
    const path = linkPath(mail.textBody);
    assert.ok(!mail.textBody.includes(stored.tokenHash ?? '-'), 'the stored hash is not the link');

    const client = new TestClient(t.app);
    const page = await client.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(squash(page.body), /versie 2/);
    const file = await client.get(`${path}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, v2, 'the newest version is served');
    await client.get(`${path}/file`);
    const [counted] = await t.db.select().from(guideRequests).where(eq(guideRequests.id, stored.id));
    assert.equal(counted?.downloadCount, 2);
  });

  it('refuses an expired link, and a coordinator renews it with a new mailed link', async () => {
    const response = await submit({
      ...validGuideForm,
      email: 'expired@leiden.example',
      ...stampFrom(t.app),
    });
    assert.equal(response.statusCode, 303);
    const oldPath = linkPath((await lastMailTo(t, 'expired@leiden.example')).textBody);
    await t.db
      .update(guideRequests)
      .set({ tokenExpiresAt: sql`now() - interval '1 day'` })
      .where(eq(guideRequests.email, 'expired@leiden.example'));
    const client = new TestClient(t.app);
    assert.equal((await client.get(oldPath)).statusCode, 410);
    assert.match(squash((await client.get(`${oldPath}/file`)).body), /verlopen/);

    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    const staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    const [row] = await t.db
      .select()
      .from(guideRequests)
      .where(eq(guideRequests.email, 'expired@leiden.example'));
    assert.ok(row);
    const renewed = await staff.post(`/networks/zuid-holland/intake/requests/${row.id}/renew`);
    assert.equal(renewed.statusCode, 303);
    const newPath = linkPath((await lastMailTo(t, 'expired@leiden.example')).textBody);
    assert.notEqual(newPath, oldPath);
    assert.equal((await client.get(newPath)).statusCode, 200);
    assert.equal((await client.get(oldPath)).statusCode, 410, 'the old link stays dead');
  });

  it('speaks English on request, with the same fields', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/handreiking', cookies: { rk_lang: 'en' } });
    assert.equal(response.statusCode, 200);
    assert.match(squash(response.body), /Request the digitalisation strategy guide/);
    assert.match(response.body, /name="organisationOther"/);
  });

  it('shows coordinators the mail to requesters that could not be sent, with its error', async () => {
    await submit({ ...validGuideForm, email: 'bounce@leiden.example', ...stampFrom(t.app) });
    await t.db
      .update(outbox)
      .set({ status: 'failed', lastError: '550 mailbox unavailable' })
      .where(eq(outbox.recipient, 'bounce@leiden.example'));
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    const staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    const overview = squash((await staff.get('/networks/zuid-holland/intake')).body);
    assert.match(overview, /bounce@leiden\.example/);
    assert.match(overview, /550 mailbox unavailable/);
  });

  it('names each missing field in Dutch and keeps what was typed', async () => {
    const response = await submit({
      ...validGuideForm,
      email: 'geen-adres',
      role: '',
      consent: '',
      ...stampFrom(t.app),
    });
    assert.equal(response.statusCode, 400);
    const body = squash(response.body);
    assert.match(body, /functie/i);
    assert.match(body, /toestemming/i);
    assert.match(body, /value="Maartje de Graaf"/);
    assert.match(body, /value="geen-adres"/);
  });

  it('refuses a filled honeypot, stores nothing, keeps the typed input and explains in Dutch', async () => {
    const before = (await t.db.select().from(guideRequests)).length;
    const response = await submit({
      ...validGuideForm,
      email: 'bot@spam.example',
      website: 'http://spam.example',
      ...stampFrom(t.app),
    });
    assert.equal(response.statusCode, 400);
    assert.match(squash(response.body), /controleveld is ingevuld/);
    assert.match(response.body, /value="bot@spam.example"/);
    assert.equal((await t.db.select().from(guideRequests)).length, before);
  });

  it('refuses a form sent faster than a person can fill it in, keeping the typed input', async () => {
    const response = await submit({ ...validGuideForm, email: 'snel@spam.example', ...stampFrom(t.app, 0) });
    assert.equal(response.statusCode, 400);
    assert.match(squash(response.body), /erg snel verzonden/);
    assert.match(response.body, /value="snel@spam.example"/);
    const [stored] = await t.db
      .select()
      .from(guideRequests)
      .where(eq(guideRequests.email, 'snel@spam.example'));
    assert.equal(stored, undefined);
  });

  it('refuses a forged or missing time stamp', async () => {
    const forged = await submit({
      ...validGuideForm,
      email: 'forged@spam.example',
      form_started: `${Date.now() - 60_000}.forged`,
    });
    assert.equal(forged.statusCode, 400);
    assert.match(squash(forged.body), /verlopen of onvolledig/);
    const missing = await submit({ ...validGuideForm, email: 'forged@spam.example' });
    assert.equal(missing.statusCode, 400);
  });

  it(`accepts ${submissionsPerHour} submissions per client address and hour, then refuses with 429 and keeps the input`, async () => {
    const address = freshAddress();
    for (let i = 0; i < submissionsPerHour; i++) {
      const ok = await submit(
        { ...validGuideForm, email: `burst${i}@gouda.example`, ...stampFrom(t.app) },
        address,
      );
      assert.equal(ok.statusCode, 303, `submission ${i + 1}`);
    }
    const refused = await submit(
      { ...validGuideForm, email: 'burst-last@gouda.example', ...stampFrom(t.app) },
      address,
    );
    assert.equal(refused.statusCode, 429);
    assert.match(squash(refused.body), /probeer het over een uur opnieuw/);
    assert.match(refused.body, /value="burst-last@gouda.example"/);
    const other = await submit({
      ...validGuideForm,
      email: 'other-address@gouda.example',
      ...stampFrom(t.app),
    });
    assert.equal(other.statusCode, 303, 'another address is not limited');
  });
});

describe('the handreiking document', () => {
  let t: TestApp;
  let staff: TestClient;
  before(async () => {
    t = await createTestApp();
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
  });
  after(() => t.close());

  async function upload(filename: string, data: Buffer) {
    const page = await staff.get('/networks/zuid-holland/intake/document');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart({ _csrf: token }, { name: 'file', filename, type: 'application/pdf', data });
    return t.app.inject({
      method: 'POST',
      url: '/networks/zuid-holland/intake/document',
      payload: body.payload,
      headers: { cookie: staff.cookieHeader, 'content-type': body.contentType },
    });
  }

  it('stores an uploaded PDF as a new version in the database', async () => {
    const first = await upload('handreiking.pdf', tinyPdf);
    assert.equal(first.statusCode, 303);
    const second = await upload('handreiking-2.pdf', tinyPdf);
    assert.equal(second.statusCode, 303);
    assert.match(String(second.headers.location), /uploaded=2/);
    const versions = await t.db
      .select({ version: guideDocuments.version, size: guideDocuments.sizeBytes })
      .from(guideDocuments);
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
  });

  it('refuses an executable renamed to .pdf, judging by content, and explains in Dutch', async () => {
    const response = await upload('x.pdf', elfBytes);
    assert.equal(response.statusCode, 422);
    assert.match(squash(response.body), /geen PDF/);
  });

  it('refuses a PDF over 10 MB with 413 and says so in Dutch', async () => {
    const response = await upload('groot.pdf', Buffer.concat([tinyPdf, Buffer.alloc(maxUploadBytes)]));
    assert.equal(response.statusCode, 413);
    assert.match(squash(response.body), /groter dan 10 MB/);
  });

  it('refuses an upload without a file', async () => {
    const page = await staff.get('/networks/zuid-holland/intake/document');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart({ _csrf: token });
    const response = await t.app.inject({
      method: 'POST',
      url: '/networks/zuid-holland/intake/document',
      payload: body.payload,
      headers: { cookie: staff.cookieHeader, 'content-type': body.contentType },
    });
    assert.equal(response.statusCode, 400);
    assert.match(squash(response.body), /Kies een PDF-bestand/);
  });

  it('is not offered by the MRDH network: the intake belongs to the province', async () => {
    const admin = await createUser(t.db, { isPlatformAdmin: true });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    assert.equal((await client.get('/networks/mrdh/intake/document')).statusCode, 404);
  });
});
