import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { networkCoordinators } from '../../core/auth/auth.tables.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';

describe('platform administration', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    const user = await createUser(t.db, { isPlatformAdmin: true });
    admin = new TestClient(t.app);
    await admin.signIn(user.email, testPassword);
  });
  after(() => t.close());

  it('shows the state of the platform', async () => {
    const page = await admin.get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stand van het platform/);
    assert.match(page.body, /href="\/admin\/networks"/);
  });

  it('lets the administrator read mail waiting in the outbox when no SMTP server is set', async () => {
    await enqueueMail(t.db, {
      to: 'wachtend@gemeente.example',
      subject: 'Uitnodiging test',
      text: 'Open https://routekaart.test/invitation/abc',
    });
    const list = await admin.get('/admin/mail');
    assert.match(list.body, /geen SMTP-server ingesteld/);
    assert.match(list.body, /wachtend@gemeente\.example/);
    const id = /href="\/admin\/mail\/(\d+)"/.exec(list.body)?.[1];
    const mail = await admin.get(`/admin/mail/${id}`);
    assert.match(mail.body, /Open https:\/\/routekaart\.test\/invitation\/abc/);
    assert.equal((await admin.get('/admin/mail/999999')).statusCode, 404);
  });

  it('appoints and removes a network coordinator, and names an unknown address in the form', async () => {
    const person = await createUser(t.db, { memberOf: { PV28: 'editor' } });
    const unknown = await admin.post(
      '/admin/networks/mrdh/coordinators',
      { 'email-mrdh': 'niemand@mrdh.example' },
      '/admin/networks',
    );
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Er is geen account met dit e-mailadres/);
    assert.match(unknown.body, /value="niemand@mrdh\.example"/);

    const added = await admin.post(
      '/admin/networks/mrdh/coordinators',
      { 'email-mrdh': person.email },
      '/admin/networks',
    );
    assert.equal(added.headers.location, '/admin/networks');
    const page = await admin.get('/admin/networks');
    assert.match(page.body, new RegExp(person.email));
    assert.equal(
      (await t.db.select().from(networkCoordinators).where(eq(networkCoordinators.userId, person.id))).length,
      1,
    );

    const removed = await admin.request('POST', `/admin/networks/mrdh/coordinators/${person.id}/remove`, {
      _csrf: extractCsrf(page.body),
    });
    assert.equal(removed.statusCode, 303);
    assert.equal(
      (await t.db.select().from(networkCoordinators).where(eq(networkCoordinators.userId, person.id))).length,
      0,
    );
  });
});
