import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { apiCaller, apiTokensFor } from '../../testing/api-tokens.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createApiToken } from '../organisations/index.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';

const nextYear = () => new Date(Date.now() + 365 * 86_400_000);

describe('the registers API', () => {
  let t: TestApp;
  let reader = '';
  let writer = '';
  let stranger = '';
  before(async () => {
    t = await createTestApp();
    ({ reader, writer, stranger } = await apiTokensFor(t.db, 'registers'));
    await addEntries(
      t.db,
      'GM0599',
      'contracts',
      ['Parkeersensoren', 'Verkeerslichten', 'Sensornetwerk haven'].map((name) => contractRow({ name })),
    );
  });
  after(() => t.close());

  const call = apiCaller(
    () => t,
    () => '/api/v1',
  );

  it('pages through a register with a cursor in the Link header, and filters on the name', async () => {
    const first = await call('GET', '/organisations/GM0599/registers/contracts/entries?pageSize=2', reader);
    const page = first.json<{ items: { name: string }[]; next: string }>();
    assert.deepEqual(
      page.items.map((e) => e.name),
      ['Parkeersensoren', 'Verkeerslichten'],
    );
    assert.equal(first.headers.link, `<${page.next}>; rel="next"`);
    const second = await t.app.inject({ url: page.next, headers: { authorization: `Bearer ${reader}` } });
    assert.deepEqual(second.json<{ items: { name: string }[]; next: null }>(), {
      ...second.json(),
      next: null,
    });
    assert.equal(second.json<{ items: { name: string }[] }>().items[0]?.name, 'Sensornetwerk haven');

    const filtered = await call(
      'GET',
      '/organisations/GM0599/registers/contracts/entries?name=SENSOR',
      reader,
    );
    assert.deepEqual(
      filtered.json<{ items: { name: string }[] }>().items.map((e) => e.name),
      ['Parkeersensoren', 'Sensornetwerk haven'],
    );
    const badCursor = await call(
      'GET',
      '/organisations/GM0599/registers/contracts/entries?cursor=abc',
      reader,
    );
    assert.equal(badCursor.json<{ invalidParams: { name: string }[] }>().invalidParams[0]?.name, 'cursor');
  });

  it('gives each entry its version as ETag and answers 304 to a client that holds it', async () => {
    const page = await call('GET', '/organisations/GM0599/registers/contracts/entries', reader);
    const id = page.json<{ items: { id: number }[] }>().items[0]?.id;
    const entry = await call('GET', `/organisations/GM0599/registers/contracts/entries/${id}`, reader);
    assert.equal(entry.headers.etag, '"v1"');
    assert.equal(entry.json<{ fields: Record<string, string> }>().fields.hosting, 'nl');
    const held = await call('GET', `/organisations/GM0599/registers/contracts/entries/${id}`, reader, {
      headers: { 'if-none-match': '"v1"' },
    });
    assert.equal(held.statusCode, 304);
  });

  it('changes an entry only with a read-write token and the current version in If-Match', async () => {
    const body = { fields: contractRow({ name: 'Slimme lantaarnpalen', end_date: '31-12-2029' }) };
    const refused = await call('POST', '/organisations/GM0599/registers/contracts/entries', reader, { body });
    assert.equal(refused.statusCode, 403);

    const created = await call('POST', '/organisations/GM0599/registers/contracts/entries', writer, { body });
    assert.equal(created.statusCode, 201);
    const entry = created.json<{ id: number; fields: Record<string, string> }>();
    assert.equal(entry.fields.end_date, '2029-12-31', 'read as the form reads it');
    assert.equal(
      created.headers.location,
      `/api/v1/organisations/GM0599/registers/contracts/entries/${entry.id}`,
    );
    const url = `/organisations/GM0599/registers/contracts/entries/${entry.id}`;
    const changed = { fields: { ...body.fields, supplier: 'Lichtbedrijf BV' } };

    const withoutVersion = await call('PUT', url, writer, { body: changed });
    assert.equal(withoutVersion.statusCode, 428);
    const saved = await call('PUT', url, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(saved.headers.etag, '"v2"');
    const stale = await call('PUT', url, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(stale.statusCode, 412, 'a change based on an older version never overwrites');

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'register.updated')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    assert.equal(audit?.actorUserId, null);
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');

    const gone = await call('DELETE', url, writer, { headers: { 'if-match': '"v2"' } });
    assert.equal(gone.statusCode, 204);
  });

  it('refuses what the form refuses, naming each field', async () => {
    const wrong = await call('POST', '/organisations/GM0599/registers/contracts/entries', writer, {
      body: { fields: { ...contractRow({ name: 'Fout' }), hosting: 'maan', colour: 'blauw' } },
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name),
      ['fields.colour'],
    );
    const badValue = await call('POST', '/organisations/GM0599/registers/contracts/entries', writer, {
      body: { fields: { ...contractRow({ name: 'Fout' }), hosting: 'maan' } },
    });
    assert.deepEqual(
      badValue.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name),
      ['fields.hosting'],
    );
    const notJson = await call('POST', '/organisations/GM0599/registers/contracts/entries', writer, {
      body: { name: 'zonder velden' },
    });
    assert.equal(notJson.statusCode, 400);
    // A control character is refused at the edge (decision 0009), for a change and a delete alike.
    const control = await call('POST', '/organisations/GM0599/registers/contracts/entries', writer, {
      body: { fields: { ...contractRow({ name: 'Fout\u0000' }) } },
    });
    assert.equal(control.statusCode, 422);
    assert.deepEqual(
      control
        .json<{ invalidParams: { name: string; code: string }[] }>()
        .invalidParams.map((p) => [p.name, p.code]),
      [['fields.name', 'controlCharacter']],
    );
    const deleteWithBody = await call(
      'DELETE',
      '/organisations/GM0599/registers/contracts/entries/1',
      writer,
      {
        body: { note: '\u0007' },
      },
    );
    assert.equal(deleteWithBody.statusCode, 422);
  });

  it("never shows or changes another organisation's register", async () => {
    const page = await call('GET', '/organisations/GM0599/registers/contracts/entries', reader);
    const id = page.json<{ items: { id: number }[] }>().items[0]?.id;
    const read = await call('GET', `/organisations/GM0599/registers/contracts/entries/${id}`, stranger);
    assert.equal(read.statusCode, 403);
    const underOwn = await call('GET', `/organisations/GM0518/registers/contracts/entries/${id}`, stranger);
    assert.equal(underOwn.statusCode, 404);
    const scansOnly = await createApiToken(
      t.db,
      await organisationId(t.db, 'GM0599'),
      'scans',
      (await createUser(t.db, { memberOf: { GM0599: 'admin' } })).id,
      { access: 'read-write', resources: ['scans'], expiresAt: nextYear() },
    );
    const outOfScope = await call('GET', '/organisations/GM0599/registers/contracts/entries', scansOnly);
    assert.equal(outOfScope.statusCode, 403);
  });
});
