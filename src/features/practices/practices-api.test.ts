import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { apiCaller, apiTokensFor } from '../../testing/api-tokens.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { setContactConsent, storePractice, tinyPdf } from './practices.fixtures.ts';
import { createPractice } from './practices.service.ts';

type Params = { invalidParams: { name: string }[] };
type Body = {
  id: number;
  title: string;
  status: string;
  contact: { name: string } | null;
  attachments: { fileName: string; mediaType: string; file: string }[];
  links: { label: string; url: string }[];
};

describe('the practices API', () => {
  let t: TestApp;
  let reader = '';
  let writer = '';
  let stranger = '';
  let registersOnly = '';
  let withAttachment = 0;
  let foreignId = 0;
  let colleagueId = 0;
  const body = (extra: Record<string, unknown> = {}) => ({
    title: 'Slimme lantaarnpalen',
    summary: 'Licht dat meet.',
    body: 'De **gemeente** plaatste palen.',
    pillar: 'foundation',
    themes: ['infrastructure-and-sensors'],
    tasks: ['healthy-urban-living'],
    periodStart: 2025,
    periodEnd: null,
    links: [{ label: 'Kaart', url: 'https://example.org/kaart' }],
    ...extra,
  });

  before(async () => {
    t = await createTestApp();
    const rotterdam = await organisationId(t.db, 'GM0599');
    const tokens = await apiTokensFor(t.db, 'practices');
    ({ reader, writer, registersOnly, stranger } = tokens);
    const colleague = await createUser(t.db, { name: 'Ria Reus', memberOf: { GM0599: 'editor' } });
    colleagueId = colleague.id;
    await setContactConsent(t.db, colleague.id, true);
    const created = await createPractice(t.db, {
      organisationId: rotterdam,
      actorId: tokens.adminId,
      input: {
        title: 'Hittestress meten',
        summary: 'Sensoren in de wijk.',
        body: '',
        pillar: 'foundation',
        themes: ['infrastructure-and-sensors'],
        tasks: [],
        periodStart: 2024,
        periodEnd: 2025,
        partners: '',
        results: '',
        lessons: '',
        contactUserId: colleague.id,
        links: [],
      },
      attachments: [{ filename: 'hittekaart.pdf', mime: 'application/pdf', data: tinyPdf }],
    });
    assert.ok(created.ok);
    withAttachment = created.practiceId;
    foreignId = await storePractice(
      t.db,
      'GM0518',
      tokens.strangerAdminId,
      { title: 'Van een ander' },
      'draft',
    );
  });
  after(() => t.close());

  const call = apiCaller(
    () => t,
    () => '/api/v1/organisations/GM0599/practices',
  );

  it('lists the practices, drafts too, and gives one with its attachments to download', async () => {
    const list = await call('GET', '', reader);
    assert.deepEqual(
      list.json<{ items: { id: number; status: string }[] }>().items.map((p) => [p.id, p.status]),
      [[withAttachment, 'draft']],
    );
    const one = await call('GET', `/${withAttachment}`, reader);
    const practice = one.json<Body>();
    assert.equal(one.headers.etag, '"v1"');
    assert.equal(practice.contact?.name, 'Ria Reus');
    const [attachment] = practice.attachments;
    assert.equal(attachment?.mediaType, 'application/pdf');
    const file = await call('GET', attachment?.file ?? '', reader);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, tinyPdf);
    const held = await call('GET', `/${withAttachment}`, reader, { headers: { 'if-none-match': '"v1"' } });
    assert.equal(held.statusCode, 304);
  });

  it('adds and replaces a practice through the form’s checks, with If-Match', async () => {
    assert.equal((await call('POST', '', reader, { body: body() })).statusCode, 403);
    const created = await call('POST', '', writer, { body: body({ contactUserId: colleagueId }) });
    assert.equal(created.statusCode, 201, created.body);
    const practice = created.json<Body>();
    assert.equal(practice.status, 'draft');
    assert.deepEqual(practice.links, [{ label: 'Kaart', url: 'https://example.org/kaart' }]);
    assert.equal(created.headers.location, `/api/v1/organisations/GM0599/practices/${practice.id}`);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'practice.create');
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');

    const changed = body({ title: 'Slimme lantaarnpalen, tweede fase' });
    const url = `/${practice.id}`;
    assert.equal((await call('PUT', url, writer, { body: changed })).statusCode, 428);
    const saved = await call('PUT', url, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.headers.etag, '"v2"');
    assert.equal(saved.json<Body>().title, 'Slimme lantaarnpalen, tweede fase');
    const stale = await call('PUT', url, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(stale.statusCode, 412);
  });

  it('refuses what the form refuses, naming each field', async () => {
    const wrong = await call('POST', '', writer, {
      body: body({ themes: ['data-ownership'], periodStart: 1990, title: ' ' }),
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong
        .json<Params>()
        .invalidParams.map((p) => p.name)
        .sort(),
      ['periodStart', 'themes', 'title'],
    );
    const notConsenting = await call('POST', '', writer, { body: body({ contactUserId: 999_999 }) });
    assert.deepEqual(
      notConsenting.json<Params>().invalidParams.map((p) => p.name),
      ['contactUserId'],
    );
  });

  it("never shows or changes another organisation's practice", async () => {
    const foreign = await call('GET', `/${foreignId}`, reader);
    assert.equal(foreign.statusCode, 404);
    const foreignChange = await call('PUT', `/${foreignId}`, writer, {
      body: body(),
      headers: { 'if-match': '"v1"' },
    });
    assert.equal(foreignChange.statusCode, 404);
    const underOther = await call('GET', `/${withAttachment}`, stranger);
    assert.equal(underOther.statusCode, 403);
    const outOfScope = await call('GET', '', registersOnly);
    assert.equal(outOfScope.statusCode, 403);
  });
});
