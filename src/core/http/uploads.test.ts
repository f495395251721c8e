import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { access } from './access.ts';
import { detectFileKind, formFile, maxUploadBytes, registerUploads } from './uploads.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, testPassword } from '../../testing/factories.ts';

function multipart(fields: Record<string, string>, file?: { filename: string; data: Buffer }) {
  const boundary = '----uploadstest';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

describe('multipart forms go through the same CSRF check as other forms', () => {
  let t: TestApp;
  let client: TestClient;
  before(async () => {
    t = await createTestApp();
    // The handreiking upload is a multipart form of the app; any such route would do.
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    client = new TestClient(t.app);
    await client.signIn(coordinator.email, testPassword);
  });
  after(() => t.close());

  const url = '/networks/zuid-holland/intake/document';

  it('accepts a multipart form that carries _csrf as a field', async () => {
    const token = extractCsrf((await client.get(url)).body);
    const body = multipart({ _csrf: token }, { filename: 'handreiking.pdf', data: pdf });
    const response = await t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: client.cookieHeader },
    });
    assert.equal(response.statusCode, 303);
  });

  it('refuses a multipart form without _csrf', async () => {
    const body = multipart({}, { filename: 'handreiking.pdf', data: pdf });
    const response = await t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: client.cookieHeader },
    });
    assert.equal(response.statusCode, 403);
  });
});

describe('uploaded files are judged by content and size', () => {
  let app: FastifyInstance;
  before(async () => {
    // A bare Fastify with the same plugin and one route, so that the helpers are checked on their own.
    app = Fastify({ logger: false });
    await registerUploads(app);
    app.post('/upload', { config: { access: access.public } }, async (request) => {
      const file = formFile(request.body, 'file');
      return {
        filename: file?.filename,
        size: file?.data.length,
        isTooLarge: file?.isTooLarge,
        kind: file ? ((await detectFileKind(file.data))?.kind ?? null) : null,
      };
    });
    await app.ready();
  });
  after(() => app.close());

  it('marks a file over the limit isTooLarge instead of failing the request', async () => {
    const body = multipart(
      { note: 'kept' },
      { filename: 'big.pdf', data: Buffer.concat([pdf, Buffer.alloc(maxUploadBytes)]) },
    );
    const response = await app.inject({ method: 'POST', url: '/upload', ...body });
    assert.equal(response.statusCode, 200);
    const result: unknown = response.json();
    assert.ok(typeof result === 'object' && result !== null && 'isTooLarge' in result && 'size' in result);
    assert.equal(result.isTooLarge, true);
    assert.equal(result.size, maxUploadBytes, 'the part beyond the limit is not kept in memory');
  });

  it('does not mark a file within the limit', async () => {
    const body = multipart({}, { filename: 'ok.pdf', data: pdf });
    const result: unknown = (await app.inject({ method: 'POST', url: '/upload', ...body })).json();
    assert.ok(typeof result === 'object' && result !== null && 'isTooLarge' in result && 'kind' in result);
    assert.equal(result.isTooLarge, false);
    assert.equal(result.kind, 'pdf');
  });

  it('does not take an executable renamed to x.pdf for a PDF', async () => {
    assert.equal(await detectFileKind(elf), undefined);
    const body = multipart({}, { filename: 'x.pdf', data: elf });
    const result: unknown = (await app.inject({ method: 'POST', url: '/upload', ...body })).json();
    assert.ok(typeof result === 'object' && result !== null && 'kind' in result);
    assert.equal(result.kind, null);
  });

  it('recognises a real PDF by its first bytes whatever its name', async () => {
    assert.equal((await detectFileKind(pdf))?.kind, 'pdf');
  });
});
