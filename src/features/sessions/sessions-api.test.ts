import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { ApiResource } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createApiToken } from '../organisations/index.ts';
import { apiCaller, apiTokensFor, type ApiTokens } from '../../testing/api-tokens.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { findNetwork } from './sessions.queries.ts';
import { announceSession } from './sessions.service.ts';

type Params = { invalidParams: { name: string }[] };
type Page<T> = { items: T[]; next: string | null };
type Session = { id: number; title: string; role: string; startsAt: string; registrations: string };
type Registration = {
  id: number;
  person: { id: number };
  organisation: { code: string };
  status: string;
  position: number | null;
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const nextYear = () => inDays(365);

describe('the knowledge sessions API', () => {
  let t: TestApp;
  let municipality: ApiTokens;
  const coordinator = { reader: '', writer: '' };
  let province = '';
  let outsider = '';
  let upcomingId = 0;
  let fullId = 0;
  let pastId = 0;
  const announcement = (extra: Record<string, unknown> = {}) => ({
    network: 'mrdh',
    title: 'Kennissessie datagedreven werken',
    description: 'Over **dashboards**.',
    startsAt: '2031-03-31T12:00:00Z',
    endsAt: '2031-03-31T14:30:00Z',
    location: 'Delft, Stadskantoor',
    capacity: 30,
    themes: ['ethics'],
    ...extra,
  });

  async function token(code: string, access: 'read' | 'read-write', resources: ApiResource[] = ['sessions']) {
    const admin = await createUser(t.db, { memberOf: { [code]: 'admin' } });
    return createApiToken(t.db, await organisationId(t.db, code), code, admin.id, {
      access,
      resources,
      expiresAt: nextYear(),
    });
  }

  async function mrdhSession(capacity: number, startsAt: Date) {
    const network = await findNetwork(t.db, 'mrdh');
    assert.ok(network);
    return announceSession(
      t.db,
      {
        networkId: network.id,
        title: `Sessie voor ${capacity}`,
        description: '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        location: 'Rotterdam',
        onlineUrl: null,
        capacity,
        themes: [],
      },
      null,
    );
  }

  const colleague = async (code = 'GM0599') =>
    (await createUser(t.db, { memberOf: { [code]: 'viewer' } })).id;
  const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

  before(async () => {
    t = await createTestApp();
    municipality = await apiTokensFor(t.db, 'sessions');
    coordinator.reader = await token('MRDH', 'read');
    coordinator.writer = await token('MRDH', 'read-write');
    province = await token('PV28', 'read-write');
    outsider = await token('GM0344', 'read-write');
    upcomingId = await mrdhSession(20, inDays(20));
    fullId = await mrdhSession(1, inDays(21));
    pastId = await mrdhSession(20, inDays(-30));
  });
  after(() => t.close());

  const mrdh = apiCaller(
    () => t,
    () => '/api/v1/organisations/MRDH/knowledge-sessions',
  );
  const rotterdam = apiCaller(
    () => t,
    () => '/api/v1/organisations/GM0599/knowledge-sessions',
  );

  it('lets the coordinating organisation announce a session through the form’s checks', async () => {
    assert.equal((await mrdh('POST', '', coordinator.reader, { body: announcement() })).statusCode, 403);
    const byMember = await rotterdam('POST', '', municipality.writer, { body: announcement() });
    assert.equal(byMember.statusCode, 403, 'a member organisation announces nothing');
    const created = await mrdh('POST', '', coordinator.writer, { body: announcement() });
    assert.equal(created.statusCode, 201, created.body);
    const session = created.json<Session>();
    assert.equal(created.headers.location, `/api/v1/organisations/MRDH/knowledge-sessions/${session.id}`);
    assert.match(String(created.headers.etag), /^"[\w-]+"$/);
    assert.equal(session.startsAt, '2031-03-31T12:00:00.000Z');
    assert.equal(session.role, 'coordinator');
    const audit = await lastAudit();
    assert.equal(audit?.action, 'knowledge-session.announced');
    assert.equal(audit?.organisationId, await organisationId(t.db, 'MRDH'), 'in MRDH’s own trail');
    assert.equal(audit?.actorUserId, null);
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
    const read = await mrdh('GET', `/${session.id}`, coordinator.reader);
    assert.equal(read.headers.etag, created.headers.etag, 'the same representation, the same ETag');
  });

  it('refuses what the announcement form refuses, naming each field', async () => {
    const names = async (body: Record<string, unknown>) => {
      const refused = await mrdh('POST', '', coordinator.writer, { body: announcement(body) });
      assert.equal(refused.statusCode, 400, refused.body);
      return refused
        .json<Params>()
        .invalidParams.map((p) => p.name)
        .sort();
    };
    assert.deepEqual(
      await names({
        network: 'zuid-holland',
        title: '  ',
        startsAt: '2020-03-31T12:00:00Z',
        endsAt: '2020-03-31T11:00:00Z',
        location: '',
        onlineUrl: 'http://example.org/meet',
        themes: ['no-such-theme'],
      }),
      ['endsAt', 'network', 'onlineUrl', 'startsAt', 'themes', 'title'],
    );
    assert.deepEqual(await names({ startsAt: '2031-03-31T12:00:30Z', endsAt: '2031-04-01T12:00:00Z' }), [
      'endsAt',
      'startsAt',
    ]);
    const before = await lastAudit();
    assert.deepEqual(await names({ location: '', onlineUrl: '' }), ['location']);
    assert.equal((await lastAudit())?.id, before?.id, 'nothing written');
  });

  it('lists the sessions of the organisation’s networks a page at a time, and per period', async () => {
    const first = await mrdh('GET', '?pageSize=1', coordinator.reader);
    assert.equal(first.statusCode, 200);
    const page = first.json<Page<Session>>();
    assert.deepEqual(
      page.items.map((s) => s.id),
      [upcomingId],
    );
    assert.equal(first.headers.link, `<${page.next}>; rel="next"`);
    const second = await mrdh('GET', String(page.next), coordinator.reader);
    assert.deepEqual(
      second.json<Page<Session>>().items.map((s) => s.id),
      [fullId],
    );
    const past = await rotterdam('GET', '?period=past', municipality.reader);
    assert.deepEqual(
      past.json<Page<Session>>().items.map((s) => [s.id, s.role]),
      [[pastId, 'member']],
    );
    const upcoming = (await rotterdam('GET', '?period=upcoming&pageSize=100', municipality.reader)).json<
      Page<Session>
    >();
    assert.ok(upcoming.items.some((s) => s.id === upcomingId));
    assert.ok(!upcoming.items.some((s) => s.id === pastId));
    const bad = await mrdh('GET', '?cursor=bm9wZQ', coordinator.reader);
    assert.equal(bad.statusCode, 400);
  });

  it('shows a member organisation its networks’ sessions, with an ETag', async () => {
    const one = await rotterdam('GET', `/${upcomingId}`, municipality.reader);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json<Session>().role, 'member');
    const held = await rotterdam('GET', `/${upcomingId}`, municipality.reader, {
      headers: { 'if-none-match': String(one.headers.etag) },
    });
    assert.equal(held.statusCode, 304);
  });

  it('signs up a member of staff through the web’s service: a place, then the waiting list', async () => {
    const url = `/${fullId}/registrations`;
    const first = await colleague();
    const second = await colleague();
    assert.equal(
      (await rotterdam('POST', url, municipality.reader, { body: { userId: first } })).statusCode,
      403,
    );
    const placed = await rotterdam('POST', url, municipality.writer, { body: { userId: first } });
    assert.equal(placed.statusCode, 201, placed.body);
    const registration = placed.json<Registration>();
    assert.equal(registration.status, 'confirmed');
    assert.equal(
      placed.headers.location,
      `/api/v1/organisations/GM0599/knowledge-sessions${url}/${registration.id}`,
    );
    const audit = await lastAudit();
    assert.equal(audit?.action, 'knowledge-session.registered');
    assert.equal(audit?.actorUserId, null);
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
    const [mail] = await t.db.select().from(outbox).orderBy(desc(outbox.id)).limit(1);
    assert.match(String(mail?.subject), /^Aangemeld: /);
    const waiting = await rotterdam('POST', url, municipality.writer, { body: { userId: second } });
    assert.deepEqual(
      [waiting.json<Registration>().status, waiting.json<Registration>().position],
      ['waiting', 1],
    );
    const again = await rotterdam('POST', url, municipality.writer, { body: { userId: first } });
    assert.equal(again.statusCode, 409);
    const notStaff = await rotterdam('POST', url, municipality.writer, {
      body: { userId: await colleague('GM0518') },
    });
    assert.deepEqual(
      notStaff.json<Params>().invalidParams.map((p) => p.name),
      ['userId'],
    );
    const over = await rotterdam('POST', `/${pastId}/registrations`, municipality.writer, {
      body: { userId: first },
    });
    assert.equal(over.statusCode, 409, 'the session has started');
    const mrdhStaff = await colleague('MRDH');
    const byCoordinator = await mrdh('POST', url, coordinator.writer, { body: { userId: mrdhStaff } });
    assert.equal(byCoordinator.statusCode, 403, 'the coordinator is no member of its network');
  });

  it('shows the coordinator every sign-up and a member its own', async () => {
    const url = `/${upcomingId}/registrations`;
    const own = await colleague();
    const ours = (
      await rotterdam('POST', url, municipality.writer, { body: { userId: own } })
    ).json<Registration>();
    const denHaag = apiCaller(
      () => t,
      () => '/api/v1/organisations/GM0518/knowledge-sessions',
    );
    const theirs = await denHaag('POST', url, municipality.stranger, {
      body: { userId: await colleague('GM0518') },
    });
    assert.equal(theirs.statusCode, 201, theirs.body);
    const theirId = theirs.json<Registration>().id;
    const all = (await mrdh('GET', url, coordinator.reader)).json<Page<Registration>>();
    assert.deepEqual(
      all.items.map((r) => r.organisation.code),
      ['GM0599', 'GM0518'],
    );
    const mine = (await rotterdam('GET', url, municipality.reader)).json<Page<Registration>>();
    assert.deepEqual(
      mine.items.map((r) => r.id),
      [ours.id],
    );
    assert.equal((await rotterdam('GET', `${url}/${theirId}`, municipality.reader)).statusCode, 404);
    const seen = await mrdh('GET', `${url}/${theirId}`, coordinator.reader);
    assert.equal(seen.statusCode, 200);
    const etag = String(seen.headers.etag);
    const withdrawn = await mrdh('DELETE', `${url}/${theirId}`, coordinator.writer, {
      headers: { 'if-match': etag },
    });
    assert.equal(withdrawn.statusCode, 403, 'the coordinator withdraws no one');
    const foreign = await rotterdam('DELETE', `${url}/${theirId}`, municipality.writer, {
      headers: { 'if-match': etag },
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('withdraws a sign-up with If-Match, and the first on the waiting list moves up', async () => {
    const url = `/${fullId}/registrations`;
    const list = (await rotterdam('GET', url, municipality.reader)).json<Page<Registration>>();
    const [placed, waiting] = list.items;
    assert.deepEqual([placed?.status, waiting?.status], ['confirmed', 'waiting']);
    const waitingUrl = `${url}/${waiting?.id}`;
    const before = String((await rotterdam('GET', waitingUrl, municipality.reader)).headers.etag);
    const placedUrl = `${url}/${placed?.id}`;
    const placedTag = String((await rotterdam('GET', placedUrl, municipality.reader)).headers.etag);
    assert.equal((await rotterdam('DELETE', placedUrl, municipality.reader)).statusCode, 403);
    assert.equal((await rotterdam('DELETE', placedUrl, municipality.writer)).statusCode, 428);
    const gone = await rotterdam('DELETE', placedUrl, municipality.writer, {
      headers: { 'if-match': placedTag },
    });
    assert.equal(gone.statusCode, 204, gone.body);
    assert.equal((await lastAudit())?.action, 'knowledge-session.cancelled');
    assert.equal((await rotterdam('GET', placedUrl, municipality.reader)).statusCode, 404);
    const movedUp = await rotterdam('GET', waitingUrl, municipality.reader);
    assert.equal(movedUp.json<Registration>().status, 'confirmed');
    const stale = await rotterdam('DELETE', waitingUrl, municipality.writer, {
      headers: { 'if-match': before },
    });
    assert.equal(stale.statusCode, 412, 'the sign-up changed since it was read');
    const fresh = await rotterdam('DELETE', waitingUrl, municipality.writer, {
      headers: { 'if-match': String(movedUp.headers.etag) },
    });
    assert.equal(fresh.statusCode, 204);
    const mails = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, 'Er is een plaats vrij: Sessie voor 1'));
    assert.equal(mails.length, 1);
  });

  it('shows no other organisation’s sessions or sign-ups, and keeps to the token’s scope', async () => {
    const pv28 = apiCaller(
      () => t,
      () => '/api/v1/organisations/PV28/knowledge-sessions',
    );
    const provinceList = (await pv28('GET', '?pageSize=100', province)).json<Page<Session>>();
    assert.ok(!provinceList.items.some((s) => s.id === upcomingId), 'MRDH’s sessions are not the province’s');
    assert.equal((await pv28('GET', `/${upcomingId}`, province)).statusCode, 404);
    assert.equal((await pv28('GET', `/${upcomingId}/registrations`, province)).statusCode, 404);
    const utrecht = apiCaller(
      () => t,
      () => '/api/v1/organisations/GM0344/knowledge-sessions',
    );
    assert.deepEqual((await utrecht('GET', '', outsider)).json<Page<Session>>().items, []);
    assert.equal((await utrecht('GET', `/${upcomingId}`, outsider)).statusCode, 404);
    const signUp = await utrecht('POST', `/${upcomingId}/registrations`, outsider, {
      body: { userId: await colleague('GM0344') },
    });
    assert.equal(signUp.statusCode, 404);
    assert.equal((await rotterdam('GET', '', municipality.stranger)).statusCode, 403);
    assert.equal((await mrdh('GET', '', municipality.writer)).statusCode, 403);
    assert.equal((await rotterdam('GET', '', municipality.registersOnly)).statusCode, 403);
    const practicesOnly = await token('MRDH', 'read-write', ['practices']);
    assert.equal((await mrdh('POST', '', practicesOnly, { body: announcement() })).statusCode, 403);
  });
});
