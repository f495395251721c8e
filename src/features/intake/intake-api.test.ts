import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createApiToken } from '../organisations/index.ts';
import { apiCaller, apiTokensFor, type ApiTokens } from '../../testing/api-tokens.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { askBody, storeQuestion } from './intake.fixtures.ts';
import { brigadeCases } from './intake.tables.ts';

type Params = { invalidParams: { name: string }[] };
type Page = { items: Record<string, unknown>[]; next: string | null };

describe('the Brigade questions API for the asking organisation', () => {
  let t: TestApp;
  let tokens: ApiTokens;
  let foreignId = 0;
  let askedId = 0;

  before(async () => {
    t = await createTestApp();
    tokens = await apiTokensFor(t.db, 'brigade-questions');
    foreignId = await storeQuestion(t, 'GM0503', 'lotte@delft.example');
    await storeQuestion(t, 'GM0599', 'eerste@rotterdam.example');
  });
  after(() => t.close());

  const call = apiCaller(
    () => t,
    () => '/api/v1/organisations/GM0599/brigade-questions',
  );

  it('asks a question through the form’s checks and service: stored, mailed and audited', async () => {
    assert.equal((await call('POST', '', tokens.reader, { body: askBody() })).statusCode, 403);
    const created = await call('POST', '', tokens.writer, { body: askBody() });
    assert.equal(created.statusCode, 201, created.body);
    const question = created.json<Record<string, unknown>>();
    askedId = Number(question.id);
    assert.equal(created.headers.location, `/api/v1/organisations/GM0599/brigade-questions/${askedId}`);
    assert.equal(created.headers.etag, '"v1"');
    assert.equal(question.view, 'asker');
    assert.equal(question.status, 'new');
    assert.equal('contact' in question, false, 'the asker’s view has no contact person');
    const [stored] = await t.db.select().from(brigadeCases).where(eq(brigadeCases.id, askedId));
    assert.equal(stored?.contactEmail, 'noor.bakker@rotterdam.example');
    assert.equal(stored?.submittedByUserId, null);
    const mails = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'noor.bakker@rotterdam.example'));
    assert.equal(mails.length, 1);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'intake.case-submitted');
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
  });

  it('refuses what the form refuses, naming each field', async () => {
    const wrong = await call('POST', '', tokens.writer, {
      body: askBody({ contactName: ' ', contactEmail: 'geen-adres', description: '' }),
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong
        .json<Params>()
        .invalidParams.map((p) => p.name)
        .sort(),
      ['contactEmail', 'contactName', 'description'],
    );
    // 'high' is stored for old questions but no longer offered, by the form or here.
    const urgent = await call('POST', '', tokens.writer, { body: askBody({ urgency: 'high' }) });
    assert.equal(urgent.statusCode, 400);
    assert.match(JSON.stringify(urgent.json<Params>().invalidParams), /urgency/);
  });

  it('lists its own questions only, filtered, sorted and paged, without the coordinators’ fields', async () => {
    const all = await call('GET', '?sort=createdAt', tokens.reader);
    assert.equal(all.statusCode, 200);
    const items = all.json<Page>().items;
    assert.equal(items.length, 2);
    assert.ok(items.every((q) => q.view === 'asker' && !('contactName' in q) && !('organisation' in q)));
    assert.ok(!items.some((q) => q.id === foreignId));
    assert.ok(Number(items[0]?.id) < Number(items[1]?.id));
    const newest = await call('GET', '?pageSize=1', tokens.reader);
    assert.equal(newest.json<Page>().items[0]?.id, askedId);
    const next = newest.json<Page>().next;
    assert.ok(next);
    assert.equal(newest.headers.link, `<${next}>; rel="next"`);
    const second = await call('GET', next, tokens.reader);
    assert.deepEqual(
      second.json<Page>().items.map((q) => q.id),
      [items[0]?.id],
    );
    assert.equal(second.json<Page>().next, null);
    const closed = await call('GET', '?status=closed', tokens.reader);
    assert.deepEqual(closed.json<Page>().items, []);
    const badStatus = await call('GET', '?status=open', tokens.reader);
    assert.equal(badStatus.statusCode, 400);
  });

  it('reads its own question with its public history and ETag; another’s is not found', async () => {
    const one = await call('GET', `/${askedId}`, tokens.reader);
    assert.equal(one.statusCode, 200);
    assert.equal(one.headers.etag, '"v1"');
    const body = one.json<{ history: { kind: string }[]; description: string }>();
    assert.deepEqual(
      body.history.map((e) => e.kind),
      ['submitted'],
    );
    assert.equal('days' in body, false);
    const held = await call('GET', `/${askedId}`, tokens.reader, { headers: { 'if-none-match': '"v1"' } });
    assert.equal(held.statusCode, 304);
    assert.equal((await call('GET', `/${foreignId}`, tokens.reader)).statusCode, 404);
  });

  it('may not handle a question, not even its own', async () => {
    const headers = { 'if-match': '"v1"' };
    const move = await call('PUT', `/${askedId}/status`, tokens.writer, {
      body: { status: 'intake' },
      headers,
    });
    assert.equal(move.statusCode, 403);
    const note = await call('POST', `/${askedId}/notes`, tokens.writer, { body: { note: 'x' }, headers });
    assert.equal(note.statusCode, 403);
    const [stored] = await t.db.select().from(brigadeCases).where(eq(brigadeCases.id, askedId));
    assert.equal(stored?.status, 'new');
  });

  it('never answers another organisation’s token or a token for other resources', async () => {
    assert.equal((await call('GET', '', tokens.stranger)).statusCode, 403);
    assert.equal((await call('GET', `/${askedId}`, tokens.stranger)).statusCode, 403);
    assert.equal((await call('POST', '', tokens.stranger, { body: askBody() })).statusCode, 403);
    assert.equal((await call('GET', '', tokens.registersOnly)).statusCode, 403);
    assert.equal((await call('POST', '', tokens.registersOnly, { body: askBody() })).statusCode, 403);
    // Delft's own token reads Delft's question, never Rotterdam's.
    const delft = await organisationId(t.db, 'GM0503');
    const admin = await createUser(t.db, { memberOf: { GM0503: 'admin' } });
    const own = await createApiToken(t.db, delft, 'delft', admin.id, {
      access: 'read',
      resources: ['brigade-questions'],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const list = await call('GET', '/api/v1/organisations/GM0503/brigade-questions', own);
    assert.deepEqual(
      list.json<Page>().items.map((q) => q.id),
      [foreignId],
    );
  });

  it('asks at most five questions per token and hour', async () => {
    const rotterdam = await organisationId(t.db, 'GM0599');
    const busy = await createApiToken(t.db, rotterdam, 'druk', tokens.adminId, {
      access: 'read-write',
      resources: ['brigade-questions'],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    for (let i = 0; i < 5; i++)
      assert.equal((await call('POST', '', busy, { body: askBody() })).statusCode, 201);
    const refused = await call('POST', '', busy, { body: askBody() });
    assert.equal(refused.statusCode, 429);
    assert.equal((await call('POST', '', tokens.writer, { body: askBody() })).statusCode, 201);
  });
});
