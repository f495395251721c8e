import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { apiCaller, apiTokensFor, type ApiTokens } from '../../testing/api-tokens.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { elfBytes, multipart, storePractice, tinyPdf, tinyPng, type FilePart } from './practices.fixtures.ts';

type Body = {
  version: number;
  attachments: { id: number; fileName: string; mediaType: string; sizeBytes: number; file: string }[];
};
type Problem = { status: number; detail: string; invalidParams?: { name: string; reason: string }[] };

const png = (filename: string, data = tinyPng): FilePart => ({
  name: 'attachments',
  filename,
  type: 'image/png',
  data,
});

describe('uploading and removing a practice’s attachments through the API', () => {
  let t: TestApp;
  let tokens: ApiTokens;
  let practiceId = 0;
  let foreignId = 0;
  const base = () => `/api/v1/organisations/GM0599/practices/${practiceId}`;
  const call = apiCaller(() => t, base);
  const etag = async () => String((await call('GET', '', tokens.reader)).headers.etag);

  function upload(token: string, files: FilePart[], headers: Record<string, string> = {}, id = practiceId) {
    const body = multipart({}, files);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/GM0599/practices/${id}/attachments`,
      headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType, ...headers },
      payload: body.payload,
    });
  }

  before(async () => {
    t = await createTestApp();
    tokens = await apiTokensFor(t.db, 'practices');
    practiceId = await storePractice(t.db, 'GM0599', tokens.adminId, { title: 'Hittestress' }, 'draft');
    foreignId = await storePractice(t.db, 'GM0518', tokens.strangerAdminId, { title: 'Delfts' }, 'draft');
  });
  after(() => t.close());

  it('stores uploaded files as the form does, under the practice’s ETag, and records it', async () => {
    const before = await etag();
    const response = await upload(
      tokens.writer,
      [
        png('kaart.png'),
        { name: 'attachments', filename: 'plan.pdf', type: 'application/pdf', data: tinyPdf },
      ],
      { 'if-match': before },
    );
    assert.equal(response.statusCode, 201, response.body);
    const practice = response.json<Body>();
    assert.notEqual(response.headers.etag, before, 'the practice’s version goes up');
    assert.equal(response.headers.etag, `"v${practice.version}"`);
    assert.deepEqual(
      practice.attachments.map((a) => [a.fileName, a.mediaType, a.sizeBytes]),
      [
        ['kaart.png', 'image/png', tinyPng.length],
        ['plan.pdf', 'application/pdf', tinyPdf.length],
      ],
    );
    assert.equal(response.headers.location, practice.attachments[1]?.file);
    const download = await call('GET', practice.attachments[0]?.file ?? '', tokens.reader);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, tinyPng);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'practice.attachments');
    assert.equal(audit?.actorUserId, null);
    const details = audit?.details as { practiceId?: number; added?: number; apiTokenId?: unknown };
    assert.deepEqual([details.practiceId, details.added], [practiceId, 2]);
    assert.equal(typeof details.apiTokenId, 'number');
  });

  it('documents the upload as a multipart form of binary files', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
    }>();
    const body = doc.paths['/organisations/{code}/practices/{practiceId}/attachments']?.post?.requestBody;
    const schema = body?.content['multipart/form-data'] as {
      schema: { properties: { attachments: { items: unknown } } };
    };
    assert.deepEqual(schema.schema.properties.attachments.items, { type: 'string', format: 'binary' });
  });

  it('refuses a file that is not a PDF or image by its content with 415, in Dutch', async () => {
    const response = await upload(tokens.writer, [png('virus.png', elfBytes)], {
      'if-match': await etag(),
      'accept-language': 'nl',
    });
    assert.equal(response.statusCode, 415, response.body);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.match(response.json<Problem>().detail, /virus\.png/);
  });

  it('refuses a file over 10 MB with 413, in Dutch, and stores nothing', async () => {
    const before = await etag();
    const big = Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const response = await upload(tokens.writer, [png('groot.png', big)], {
      'if-match': before,
      'accept-language': 'nl',
    });
    assert.equal(response.statusCode, 413, response.body);
    assert.equal(response.json<Problem>().detail, 'Bijlage “groot.png” is groter dan 10 MB.');
    assert.equal(await etag(), before);
  });

  it('refuses a request larger than ten files of the limit before reading it', async () => {
    const body = multipart({}, [png('a.png')]);
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/attachments`,
      headers: {
        authorization: `Bearer ${tokens.writer}`,
        'content-type': body.contentType,
        'content-length': String(200 * 1024 * 1024),
        'if-match': '*',
        'accept-language': 'nl',
      },
      payload: body.payload,
    });
    assert.equal(response.statusCode, 413, response.body);
    assert.match(response.json<Problem>().detail, /groter dan 10 bijlagen/);
  });

  it('refuses more than 10 attachments per practice, and a request without a file, with 400', async () => {
    const files = Array.from({ length: 9 }, (_, i) => png(`kaart-${i}.png`));
    const response = await upload(tokens.writer, files, {
      'if-match': await etag(),
      'accept-language': 'nl',
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(response.json<Problem>().invalidParams?.[0], {
      name: 'attachments',
      code: 'invalid',
      reason: 'Een praktijkvoorbeeld heeft hooguit 10 bijlagen.',
    });
    const none = await upload(tokens.writer, [], { 'if-match': await etag() });
    assert.equal(none.statusCode, 400, none.body);
    assert.equal(none.json<Problem>().invalidParams?.[0]?.name, 'attachments');
  });

  it('requires If-Match and refuses a stale version', async () => {
    const missing = await upload(tokens.writer, [png('a.png')]);
    assert.equal(missing.statusCode, 428);
    const stale = await upload(tokens.writer, [png('a.png')], { 'if-match': '"v1"' });
    assert.equal(stale.statusCode, 412);
  });

  it('removes an attachment under the practice’s ETag', async () => {
    const practice = (await call('GET', '', tokens.reader)).json<Body>();
    const [first] = practice.attachments;
    const path = `/attachments/${first?.id}`;
    assert.equal((await call('DELETE', path, tokens.writer)).statusCode, 428);
    assert.equal(
      (await call('DELETE', path, tokens.writer, { headers: { 'if-match': '"v1"' } })).statusCode,
      412,
    );
    const removed = await call('DELETE', path, tokens.writer, {
      headers: { 'if-match': `"v${practice.version}"` },
    });
    assert.equal(removed.statusCode, 204, removed.body);
    const after = (await call('GET', '', tokens.reader)).json<Body>();
    assert.equal(after.version, practice.version + 1);
    assert.deepEqual(
      after.attachments.map((a) => a.fileName),
      ['plan.pdf'],
    );
    assert.equal((await call('GET', path, tokens.reader)).statusCode, 404);
    const again = await call('DELETE', path, tokens.writer, { headers: { 'if-match': '*' } });
    assert.equal(again.statusCode, 404);
  });

  it('lets a reader, another scope or another organisation change nothing, and shows them nothing', async () => {
    const current = await etag();
    const attachmentId = (await call('GET', '', tokens.reader)).json<Body>().attachments[0]?.id;
    for (const token of [tokens.reader, tokens.registersOnly, tokens.stranger]) {
      const posted = await upload(token, [png('b.png')], { 'if-match': current });
      assert.equal(posted.statusCode, 403);
      const deleted = await call('DELETE', `/attachments/${attachmentId}`, token, {
        headers: { 'if-match': current },
      });
      assert.equal(deleted.statusCode, 403);
      assert.doesNotMatch(posted.body + deleted.body, /plan\.pdf|Hittestress/);
    }
    const foreign = await upload(tokens.writer, [png('c.png')], { 'if-match': '*' }, foreignId);
    assert.equal(foreign.statusCode, 404);
    assert.equal(await etag(), current);
  });
});
