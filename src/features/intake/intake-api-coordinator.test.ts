import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createApiToken } from '../organisations/index.ts';
import { apiCaller, apiTokensFor, type ApiTokens } from '../../testing/api-tokens.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { storeQuestion } from './intake.fixtures.ts';

type Params = { invalidParams: { name: string }[] };
type Question = {
  id: number;
  view: string;
  status: string;
  assignment: string;
  assignmentVersion: number;
  organisation: { code: string };
  contact: { name: string; email: string | null; phone: string | null } | null;
  assignee: { id: number; name: string } | null;
  firmDays: number;
  days: { party: string; hours: number; overrunReason: string | null }[];
  history: { kind: string; isInternal: boolean }[];
};
type Page = { items: Record<string, unknown>[] };

describe('the Brigade questions API for the coordinating organisation', () => {
  let t: TestApp;
  let municipality: ApiTokens;
  let reader = '';
  let writer = '';
  let registersOnly = '';
  let notByCoordinator = '';
  let rotterdamId = 0;
  let delftId = 0;
  let coordinatorId = 0;
  let etag = '"v1"';

  before(async () => {
    t = await createTestApp();
    municipality = await apiTokensFor(t.db, 'brigade-questions');
    const province = await organisationId(t.db, 'PV28');
    const grant = { resources: ['brigade-questions' as const], expiresAt: new Date(Date.now() + 86_400_000) };
    // The coordinators' view is for tokens that a coordinator of the network made (decision 0030).
    const admin = await createUser(t.db, { memberOf: { PV28: 'admin' }, coordinates: ['zuid-holland'] });
    const otherAdmin = await createUser(t.db, { memberOf: { PV28: 'admin' } });
    notByCoordinator = await createApiToken(t.db, province, 'geen coördinator', otherAdmin.id, {
      ...grant,
      access: 'read-write',
    });
    reader = await createApiToken(t.db, province, 'lezer', admin.id, { ...grant, access: 'read' });
    writer = await createApiToken(t.db, province, 'schrijver', admin.id, { ...grant, access: 'read-write' });
    registersOnly = await createApiToken(t.db, province, 'registers', admin.id, {
      ...grant,
      access: 'read-write',
      resources: ['registers'],
    });
    const anouk = await createUser(t.db, { name: 'Anouk Vermeulen', coordinates: ['zuid-holland'] });
    coordinatorId = anouk.id;
    rotterdamId = await storeQuestion(t, 'GM0599', 'noor@rotterdam.example');
    delftId = await storeQuestion(t, 'GM0503', 'lotte@delft.example');
  });
  after(() => t.close());

  const call = apiCaller(
    () => t,
    () => '/api/v1/organisations/PV28/brigade-questions',
  );
  const url = (path = '') => `/${rotterdamId}${path}`;
  const change = async (method: 'PUT' | 'POST', path: string, body: unknown, ifMatch = etag) => {
    const response = await call(method, url(path), writer, { body, headers: { 'if-match': ifMatch } });
    if (response.statusCode === 200) etag = String(response.headers.etag);
    return response;
  };
  const names = (response: { json: <T>() => T }) =>
    response
      .json<Params>()
      .invalidParams.map((p) => p.name)
      .sort();

  it('lists every question of the network with the coordinators’ fields, filtered on status', async () => {
    const list = await call('GET', '', reader);
    assert.equal(list.statusCode, 200);
    const items = list.json<Page>().items;
    assert.deepEqual(
      items.map((q) => q.id),
      [delftId, rotterdamId],
    );
    assert.equal(items[0]?.view, 'coordinator');
    assert.deepEqual(items[0]?.organisation, { code: 'GM0503', name: 'Delft' });
    assert.equal(items[0]?.contactEmail, 'lotte@delft.example');
    assert.deepEqual((await call('GET', '?status=intake', reader)).json<Page>().items, []);
  });

  it('reads a question with its contact person and ETag; no question is not found', async () => {
    const one = await call('GET', url(), reader);
    assert.equal(one.statusCode, 200);
    assert.equal(one.headers.etag, '"v1"');
    const q = one.json<Question>();
    assert.deepEqual(q.contact, {
      name: 'Lotte Visser',
      email: 'noor@rotterdam.example',
      phone: '010 123 45 67',
    });
    assert.equal(q.organisation.code, 'GM0599');
    assert.equal((await call('GET', '/999999', reader)).statusCode, 404);
  });

  it('moves a question on under If-Match, mails the asker and audits the change', async () => {
    assert.equal((await change('PUT', '/status', { status: 'intake' }, '')).statusCode, 428);
    assert.equal((await change('PUT', '/status', { status: 'intake' }, '"v9"')).statusCode, 412);
    const readOnly = await call('PUT', url('/status'), reader, {
      body: { status: 'intake' },
      headers: { 'if-match': etag },
    });
    assert.equal(readOnly.statusCode, 403);
    const moved = await change('PUT', '/status', { status: 'intake' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json<Question>().status, 'intake');
    assert.equal(etag, '"v2"');
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'intake.case-status');
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
    const mails = await t.db.select().from(outbox).where(eq(outbox.recipient, 'noor@rotterdam.example'));
    assert.equal(mails.length, 2, 'the confirmation and the status change');
    assert.equal((await change('PUT', '/status', { status: 'intake' }, '"v1"')).statusCode, 412);
  });

  it('refuses the steps the workflow refuses, naming the field', async () => {
    assert.deepEqual(names(await change('PUT', '/status', { status: 'closed', outcome: 'Klaar' })), [
      'status',
    ]);
    assert.deepEqual(names(await change('PUT', '/status', { status: 'declined' })), ['declineReason']);
    assert.equal((await change('PUT', '/status', { status: 'assignment' })).statusCode, 200);
    // Experts only once the assignment is written.
    assert.deepEqual(names(await change('PUT', '/status', { status: 'experts' })), ['status']);
    assert.deepEqual(names(await change('PUT', '/status', { status: 'open' })), ['body.status']);
  });

  it('writes the assignment, and assigns only a coordinator of the network', async () => {
    const written = await change('PUT', '/assignment', { assignment: 'Advies over **antennes**.' });
    assert.equal(written.statusCode, 200, written.body);
    assert.equal(written.json<Question>().assignmentVersion, 1);
    assert.equal((await change('PUT', '/assignment', { assignment: 'Later' }, '"v2"')).statusCode, 412);
    assert.equal((await change('PUT', '/status', { status: 'experts' })).statusCode, 200);
    const stranger = await createUser(t.db, { memberOf: { PV28: 'editor' } });
    assert.deepEqual(names(await change('PUT', '/assignee', { assigneeUserId: stranger.id })), [
      'assigneeUserId',
    ]);
    const assigned = await change('PUT', '/assignee', { assigneeUserId: coordinatorId });
    assert.deepEqual(assigned.json<Question>().assignee, { id: coordinatorId, name: 'Anouk Vermeulen' });
    const nobody = await change('PUT', '/assignee', { assigneeUserId: null });
    assert.equal(nobody.json<Question>().assignee, null);
  });

  it('adds internal notes that the asking municipality never sees', async () => {
    const asker = apiCaller(
      () => t,
      () => '/api/v1/organisations/GM0599/brigade-questions',
    );
    const before = await asker('GET', url(), municipality.reader);
    assert.deepEqual(names(await change('POST', '/notes', { note: ' ' })), ['note']);
    const noted = await change('POST', '/notes', { note: 'Bel de wethouder eerst.' });
    assert.equal(noted.statusCode, 200, noted.body);
    assert.ok(noted.json<Question>().history.some((e) => e.kind === 'note' && e.isInternal));
    const afterNote = await asker('GET', url(), municipality.reader);
    assert.equal(afterNote.headers.etag, before.headers.etag, 'an internal note is no change the asker sees');
    assert.ok(!afterNote.json<Question>().history.some((e) => e.isInternal));
  });

  it('logs time, past the firm’s ten days only with a reason', async () => {
    const day = (extra: Record<string, unknown>) => ({
      workDate: '2026-11-30',
      person: 'Bureau Breed',
      party: 'firm',
      amount: 9.5,
      unit: 'days',
      description: 'Locatieonderzoek',
      ...extra,
    });
    assert.equal((await change('POST', '/days', day({}))).statusCode, 200);
    assert.deepEqual(names(await change('POST', '/days', day({ amount: 0, person: ' ' }))), [
      'amount',
      'person',
    ]);
    assert.deepEqual(names(await change('POST', '/days', day({ amount: 1 }))), ['overrunReason']);
    const over = await change('POST', '/days', day({ amount: 1, overrunReason: 'Extra bewonersavond' }));
    assert.equal(over.statusCode, 200, over.body);
    const q = over.json<Question>();
    assert.equal(q.firmDays, 10.5);
    assert.equal(q.days.at(-1)?.overrunReason, 'Extra bewonersavond');
    const expert = await change('POST', '/days', day({ party: 'expert', amount: 4, unit: 'hours' }));
    assert.equal(expert.json<Question>().firmDays, 10.5, 'the experts’ time is not the firm’s');
  });

  it('closes a question with its outcome', async () => {
    assert.equal((await change('PUT', '/status', { status: 'in_progress' })).statusCode, 200);
    assert.deepEqual(names(await change('PUT', '/status', { status: 'closed' })), ['outcome']);
    const closed = await change('PUT', '/status', { status: 'closed', outcome: 'Twee locaties geschikt.' });
    assert.equal(closed.json<Question>().status, 'closed');
  });

  it('never answers another organisation’s token, a municipality’s writes, or other scopes', async () => {
    assert.equal((await call('GET', '', municipality.writer)).statusCode, 403);
    assert.equal((await call('GET', `/${delftId}`, municipality.writer)).statusCode, 403);
    const viaOwnPath = apiCaller(
      () => t,
      () => '/api/v1/organisations/GM0599/brigade-questions',
    );
    assert.equal((await viaOwnPath('GET', `/${delftId}`, municipality.writer)).statusCode, 404);
    assert.equal((await call('GET', '', registersOnly)).statusCode, 403);
    const scoped = await call('POST', `/${delftId}/notes`, registersOnly, {
      body: { note: 'x' },
      headers: { 'if-match': '"v1"' },
    });
    assert.equal(scoped.statusCode, 403);
  });

  it('gives a token of the province that no coordinator made neither the questions nor their contact persons', async () => {
    const list = await call('GET', '', notByCoordinator);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json<{ items: unknown[] }>().items, [], 'the province asked no question itself');
    assert.equal((await call('GET', url(), notByCoordinator)).statusCode, 404);
    const note = await call('POST', url('/notes'), notByCoordinator, {
      body: { note: 'Zonder coördinator' },
      headers: { 'if-match': etag },
    });
    assert.equal(note.statusCode, 403);
  });
});
