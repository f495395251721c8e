import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { findNetwork } from './sessions.queries.ts';
import {
  announceSession,
  cancelRegistration,
  signUpForSession,
  sendSessionReminders,
} from './sessions.service.ts';
import { sessionRegistrations } from './sessions.tables.ts';

const context = { publicUrl: 'http://routekaart.test', locale: 'nl' as const };
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000);

async function newSession(t: TestApp, capacity: number, startsAt = inDays(10)) {
  const network = await findNetwork(t.db, 'mrdh');
  assert.ok(network);
  const coordinator = await createUser(t.db, { coordinates: ['mrdh'] });
  const input = {
    networkId: network.id,
    title: `Sessie ${Math.random().toString(36).slice(2)}`,
    description: 'Over **data**.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    location: 'Rotterdam, Stadhuis',
    onlineUrl: null,
    capacity,
    themes: [],
  };
  return announceSession(t.db, input, coordinator.id);
}

async function member(t: TestApp, code = 'GM0599') {
  const user = await createUser(t.db, { memberOf: { [code]: 'viewer' } });
  return { ...user, organisationIds: [await organisationId(t.db, code)] };
}

async function statusOf(t: TestApp, sessionId: number, userId: number) {
  const rows = await t.db
    .select()
    .from(sessionRegistrations)
    .where(eq(sessionRegistrations.sessionId, sessionId));
  return rows.find((r) => r.userId === userId)?.status;
}

async function mailsTo(t: TestApp, email: string) {
  return t.db.select().from(outbox).where(eq(outbox.recipient, email));
}

describe('knowledge sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lets a coordinator announce a session in Amsterdam time and keeps typed input on an error', async () => {
    await createUser(t.db, { email: 'coord-mrdh@example.nl', coordinates: ['mrdh'] });
    const client = new TestClient(t.app);
    await client.signIn('coord-mrdh@example.nl', testPassword);
    const refused = await client.post('/networks/mrdh/sessions', {
      title: 'Kennissessie AI',
      date: '2031-03-31',
      startTime: '25:00',
      endTime: '16:00',
      location: 'Delft',
      capacity: '0',
      themes: 'no-such-theme',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Kies alleen thema’s uit de lijst/);
    assert.match(refused.body, /value="Kennissessie AI"/);
    assert.match(refused.body, /Vul een geldige begintijd in/);
    assert.match(refused.body, /Vul een aantal plaatsen in/);
    const created = await client.post('/networks/mrdh/sessions', {
      title: 'Kennissessie AI',
      description: 'Kom *langs*',
      date: '2031-03-31',
      startTime: '14:00',
      endTime: '16:00',
      location: 'Delft',
      capacity: '20',
      themes: 'open-data',
    });
    assert.equal(created.statusCode, 303);
    const list = await client.get('/networks/mrdh/sessions');
    assert.match(list.body, /Kennissessie AI/);
    assert.match(list.body, /31 maart 2031 om 14:00/);
  });

  it('refuses the coordinator pages to members and to coordinators of another network', async () => {
    const editor = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const other = await createUser(t.db, { coordinates: ['zuid-holland'] });
    for (const user of [editor, other]) {
      const client = new TestClient(t.app);
      await client.signIn(user.email, testPassword);
      assert.equal((await client.get('/networks/mrdh/sessions/new')).statusCode, 403);
      assert.equal((await client.post('/networks/mrdh/sessions', { title: 'x' })).statusCode, 403);
    }
  });

  it('confirms members while places last, then puts them on the waiting list, with a mail for each', async () => {
    const id = await newSession(t, 1);
    const [a, b] = [await member(t), await member(t, 'GM0503')];
    assert.deepEqual(await signUpForSession(t.db, id, a, context), {
      ok: true,
      status: 'confirmed',
      isNew: true,
    });
    assert.deepEqual(await signUpForSession(t.db, id, b, context), {
      ok: true,
      status: 'waiting',
      isNew: true,
    });
    assert.match((await mailsTo(t, a.email))[0]?.subject ?? '', /^Aangemeld/);
    assert.match((await mailsTo(t, b.email))[0]?.subject ?? '', /^Wachtlijst/);
  });

  it('refuses registration to members of organisations outside the network, and after the start', async () => {
    const id = await newSession(t, 5);
    const utrecht = await member(t, 'GM0344');
    assert.deepEqual(await signUpForSession(t.db, id, utrecht, context), {
      ok: false,
      problem: 'notMember',
    });
    const pastId = await newSession(t, 5, inDays(-1));
    assert.deepEqual(await signUpForSession(t.db, pastId, await member(t), context), {
      ok: false,
      problem: 'past',
    });
  });

  it('moves the first on the waiting list up when a confirmed member cancels, and mails them', async () => {
    const id = await newSession(t, 1);
    const [a, b, c] = [await member(t), await member(t), await member(t)];
    for (const person of [a, b, c]) await signUpForSession(t.db, id, person, context);
    const result = await cancelRegistration(t.db, id, a.id, context);
    assert.deepEqual(result, { ok: true, movedUpUserId: b.id });
    assert.equal(await statusOf(t, id, a.id), 'cancelled');
    assert.equal(await statusOf(t, id, b.id), 'confirmed');
    assert.equal(await statusOf(t, id, c.id), 'waiting');
    assert.ok((await mailsTo(t, b.email)).some((m) => /^Er is een plaats vrij/.test(m.subject)));
  });

  it('gives the last place to exactly one of several concurrent registrations', async () => {
    const id = await newSession(t, 3);
    for (let i = 0; i < 2; i++) await signUpForSession(t.db, id, await member(t), context);
    const people = await Promise.all(Array.from({ length: 6 }, () => member(t)));
    const results = await Promise.all(people.map((p) => signUpForSession(t.db, id, p, context)));
    const confirmed = results.filter((r) => r.ok && r.status === 'confirmed');
    assert.equal(confirmed.length, 1);
    assert.equal(results.filter((r) => r.ok && r.status === 'waiting').length, 5);
    const rows = await t.db.select().from(sessionRegistrations).where(eq(sessionRegistrations.sessionId, id));
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, 3);
  });

  it('sends each reminder once, however often the job runs', async () => {
    const id = await newSession(t, 5, new Date(Date.now() + 20 * 3600_000));
    const person = await member(t);
    await signUpForSession(t.db, id, person, context);
    await Promise.all([
      sendSessionReminders(t.db, context.publicUrl),
      sendSessionReminders(t.db, context.publicUrl),
    ]);
    await sendSessionReminders(t.db, context.publicUrl);
    const reminders = (await mailsTo(t, person.email)).filter((m) => /^Herinnering/.test(m.subject));
    assert.equal(reminders.length, 1);
  });

  it('lets a member register and cancel through the pages, with a confirmation step', async () => {
    const id = await newSession(t, 2);
    const person = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    const client = new TestClient(t.app);
    await client.signIn(person.email, testPassword);
    const page = `/knowledge/sessions/${id}`;
    assert.match((await client.get(page)).body, /Aanmelden/);
    const registered = await client.post(`${page}/register`, {}, page);
    assert.equal(registered.headers.location, `${page}?notice=confirmed`);
    assert.match((await client.get(page)).body, /U bent aangemeld voor deze kennissessie/);
    const ask = await client.post(`${page}/cancel`, {}, page);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Weet u zeker/);
    assert.equal(await statusOf(t, id, person.id), 'confirmed');
    const done = await client.post(`${page}/cancel`, { confirm: 'yes' }, page);
    assert.equal(done.headers.location, `${page}?notice=cancelled`);
    assert.equal(await statusOf(t, id, person.id), 'cancelled');
  });

  it('serves public calendar files without personal data', async () => {
    const id = await newSession(t, 2);
    const person = await member(t);
    await signUpForSession(t.db, id, person, context);
    const client = new TestClient(t.app);
    for (const url of [`/knowledge/sessions/${id}/calendar.ics`, '/knowledge/sessions.ics']) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['content-type']), /^text\/calendar/);
      assert.doesNotMatch(response.body, new RegExp(person.email.replace('.', '\\.')));
      const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent');
      assert.ok(
        events.some((e) => e.getFirstPropertyValue('uid') === `knowledge-session-${id}@routekaart.test`),
      );
    }
  });

  it('shows the participants to the coordinators only', async () => {
    const id = await newSession(t, 2);
    const person = await member(t);
    await signUpForSession(t.db, id, person, context);
    const coordinator = await createUser(t.db, { coordinates: ['mrdh'] });
    const client = new TestClient(t.app);
    await client.signIn(coordinator.email, testPassword);
    assert.match((await client.get(`/networks/mrdh/sessions/${id}`)).body, new RegExp(person.name));
    assert.doesNotMatch(
      (await new TestClient(t.app).get(`/knowledge/sessions/${id}`)).body,
      new RegExp(person.name),
    );
  });
});
