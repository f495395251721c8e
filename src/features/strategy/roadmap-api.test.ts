import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createApiToken } from '../organisations/index.ts';
import { roadmapFormatOf } from './roadmap-api.routes.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';

const nextYear = () => new Date(Date.now() + 365 * 86_400_000);

describe('the roadmap API', () => {
  let t: TestApp;
  let token = '';
  let delftToken = '';
  let registersOnly = '';
  let actionIds: number[] = [];
  before(async () => {
    t = await createTestApp();
    const rotterdam = await organisationId(t.db, 'GM0599');
    const delft = await organisationId(t.db, 'GM0503');
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin', GM0503: 'admin' } });
    const grant = { access: 'read' as const, expiresAt: nextYear() };
    token = await createApiToken(t.db, rotterdam, 'roadmap', admin.id, {
      ...grant,
      resources: ['strategies'],
    });
    delftToken = await createApiToken(t.db, delft, 'roadmap', admin.id, {
      ...grant,
      resources: ['strategies'],
    });
    registersOnly = await createApiToken(t.db, rotterdam, 'registers', admin.id, {
      ...grant,
      resources: ['registers'],
    });
    ({ actionIds } = await createStrategyForTest(t.db, rotterdam, { actions: 4 }));
  });
  after(() => t.close());

  const get = (url: string, bearer = token, headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${bearer}`, ...headers } });

  it('gives the active strategy’s roadmap as JSON, with its actions in quarters', async () => {
    const response = await get('/organisations/GM0599/roadmap');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.headers.vary, 'Accept');
    const roadmap = response.json<{
      actions: { id: number; start: string; pillar: string }[];
      pillars: { id: string }[];
      today: string;
    }>();
    assert.deepEqual(
      roadmap.actions.map((a) => a.id).sort((a, b) => a - b),
      [...actionIds].sort((a, b) => a - b),
    );
    assert.match(roadmap.actions[0]?.start ?? '', /^\d{4}-Q[1-4]$/);
    const lanes = new Set(roadmap.pillars.map((p) => p.id));
    assert.ok(
      roadmap.actions.every((a) => lanes.has(a.pillar)),
      'every action in one of the lanes',
    );
    assert.match(roadmap.today, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the infographic as SVG for Accept: image/svg+xml or ?format=svg', async () => {
    const byAccept = await get('/organisations/GM0599/roadmap', token, { accept: 'image/svg+xml' });
    assert.equal(byAccept.statusCode, 200);
    assert.match(String(byAccept.headers['content-type']), /^image\/svg\+xml/);
    assert.match(byAccept.body, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const byQuery = await get('/organisations/GM0599/roadmap?format=svg', token, {
      accept: 'application/json',
    });
    assert.equal(byQuery.body, byAccept.body, 'the query wins over the header');
    const preferJson = await get('/organisations/GM0599/roadmap', token, {
      accept: 'image/svg+xml;q=0.5, application/json',
    });
    assert.match(String(preferJson.headers['content-type']), /^application\/json/);
  });

  it('answers 304 to a client that holds the representation, each format with its own ETag', async () => {
    const json = await get('/organisations/GM0599/roadmap');
    const svg = await get('/organisations/GM0599/roadmap?format=svg');
    assert.ok(json.headers.etag);
    assert.notEqual(json.headers.etag, svg.headers.etag);
    const held = await get('/organisations/GM0599/roadmap', token, {
      'if-none-match': String(json.headers.etag),
    });
    assert.equal(held.statusCode, 304);
    assert.equal(held.body, '');
    const other = await get('/organisations/GM0599/roadmap', token, {
      'if-none-match': String(svg.headers.etag),
    });
    assert.equal(other.statusCode, 200, 'the SVG’s ETag is not the JSON’s');
  });

  it('refuses a token for other parts or another organisation, and has nothing without a strategy', async () => {
    assert.equal((await get('/organisations/GM0599/roadmap', registersOnly)).statusCode, 403);
    assert.equal((await get('/organisations/GM0599/roadmap', delftToken)).statusCode, 403);
    const none = await get('/organisations/GM0503/roadmap', delftToken);
    assert.equal(none.statusCode, 404);
    assert.match(String(none.headers['content-type']), /^application\/problem\+json/);
    const unknownFormat = await get('/organisations/GM0599/roadmap?format=pdf');
    assert.equal(unknownFormat.statusCode, 400);
  });

  it('reads the preference of the Accept header', () => {
    assert.equal(roadmapFormatOf(undefined, undefined), 'json');
    assert.equal(roadmapFormatOf(undefined, '*/*'), 'json');
    assert.equal(roadmapFormatOf(undefined, 'image/*'), 'svg');
    assert.equal(roadmapFormatOf(undefined, 'text/html, image/svg+xml;q=0.9'), 'svg');
    assert.equal(roadmapFormatOf(undefined, 'application/json;q=0.4, image/svg+xml;q=0.8'), 'svg');
    assert.equal(roadmapFormatOf('json', 'image/svg+xml'), 'json');
  });
});
