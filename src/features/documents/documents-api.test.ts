import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createApiToken } from '../organisations/index.ts';
import { insertVersion, type NewVersion } from './documents.queries.ts';

const nextYear = () => new Date(Date.now() + 365 * 86_400_000);
type Item = { id: number; kind: string; format: string; mediaType: string; file: string };

describe('the documents API', () => {
  let t: TestApp;
  let reader = '';
  let stranger = '';
  let strategiesOnly = '';
  let foreignId = 0;
  const ids: number[] = [];
  const pdf = Buffer.from('%PDF-1.7\nstrategie\n%%EOF\n');
  before(async () => {
    t = await createTestApp();
    const rotterdam = await organisationId(t.db, 'GM0599');
    const amsterdam = await organisationId(t.db, 'GM0518');
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin', GM0518: 'admin' } });
    const grant = { access: 'read' as const, resources: ['documents' as const], expiresAt: nextYear() };
    reader = await createApiToken(t.db, rotterdam, 'lezer', admin.id, grant);
    stranger = await createApiToken(t.db, amsterdam, 'ander', admin.id, grant);
    strategiesOnly = await createApiToken(t.db, rotterdam, 'strategie', admin.id, {
      ...grant,
      resources: ['strategies'],
    });
    const version = (o: Partial<NewVersion>): NewVersion => ({
      organisationId: rotterdam,
      kind: 'strategy',
      subjectId: 1,
      version: 1,
      format: 'pdf',
      title: 'Digitaliseringsstrategie',
      fileName: 'digitaliseringsstrategie-GM0599-v1.pdf',
      locale: 'nl',
      data: pdf,
      createdByUserId: admin.id,
      createdByName: 'Beheerder',
      ...o,
    });
    ids.push(await insertVersion(t.db, version({})));
    ids.push(await insertVersion(t.db, version({ version: 2, format: 'docx', data: Buffer.from('PK…') })));
    ids.push(await insertVersion(t.db, version({ kind: 'scan-results', subjectId: 7, format: 'odt' })));
    foreignId = await insertVersion(t.db, version({ organisationId: amsterdam }));
  });
  after(() => t.close());

  const get = (url: string, token = reader, headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}`, ...headers } });

  it('lists the versions newest first, paged, and filters on the kind', async () => {
    const first = await get('/organisations/GM0599/documents?pageSize=2');
    const page = first.json<{ items: Item[]; next: string }>();
    assert.deepEqual(
      page.items.map((d) => d.id),
      [ids[2], ids[1]],
    );
    assert.equal(first.headers.link, `<${page.next}>; rel="next"`);
    const second = await t.app.inject({ url: page.next, headers: { authorization: `Bearer ${reader}` } });
    assert.deepEqual(
      second.json<{ items: Item[]; next: null }>().items.map((d) => d.id),
      [ids[0]],
    );
    assert.equal(second.json<{ next: null }>().next, null);
    const scans = await get('/organisations/GM0599/documents?kind=scan-results');
    assert.deepEqual(
      scans.json<{ items: Item[] }>().items.map((d) => [d.id, d.format, d.mediaType]),
      [[ids[2], 'odt', 'application/vnd.oasis.opendocument.text']],
    );
  });

  it('gives a version and downloads its stored file with its media type', async () => {
    const one = await get(`/organisations/GM0599/documents/${ids[0]}`);
    assert.equal(one.statusCode, 200);
    const item = one.json<Item>();
    assert.equal(item.file, `/api/v1/organisations/GM0599/documents/${ids[0]}/file`);
    const held = await get(`/organisations/GM0599/documents/${ids[0]}`, reader, {
      'if-none-match': String(one.headers.etag),
    });
    assert.equal(held.statusCode, 304);
    const file = await t.app.inject({ url: item.file, headers: { authorization: `Bearer ${reader}` } });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /digitaliseringsstrategie-GM0599-v1\.pdf/);
    assert.deepEqual(file.rawPayload, pdf);
  });

  it("never gives another organisation's documents, nor to a token for other parts", async () => {
    const foreign = await get(`/organisations/GM0599/documents/${foreignId}/file`);
    assert.equal(foreign.statusCode, 404);
    const underOther = await get(`/organisations/GM0599/documents/${ids[0]}/file`, stranger);
    assert.equal(underOther.statusCode, 403);
    const own = await get('/organisations/GM0518/documents', stranger);
    assert.deepEqual(
      own.json<{ items: Item[] }>().items.map((d) => d.id),
      [foreignId],
    );
    const outOfScope = await get('/organisations/GM0599/documents', strategiesOnly);
    assert.equal(outOfScope.statusCode, 403);
  });
});
