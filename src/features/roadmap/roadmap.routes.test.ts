import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { setSharing } from '../benchmark/benchmark.fixtures.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { pngSize, PRINT_WIDTH_PX } from './roadmap-png.ts';

const publicLinkIn = (body: string): string => {
  const match = /href="http:\/\/routekaart\.test(\/roadmap\/[A-Za-z0-9_-]{43})"/.exec(body);
  if (!match?.[1]) throw new Error('no public link on the page');
  return match[1];
};

describe('the roadmap pages', () => {
  let t: TestApp;
  let viewer: TestClient;
  let editor: TestClient;
  let delft: TestClient;
  const anonymous = () => new TestClient(t.app);

  before(async () => {
    t = await createTestApp();
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0599'), {
      actions: 8,
      withTechnologyPush: true,
    });
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0518'), { actions: 0 });
    ({ client: viewer } = await signedInAs(t, 'GM0599', 'viewer'));
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor'));
    ({ client: delft } = await signedInAs(t, 'GM0503', 'admin'));
  });
  after(() => t.close());

  it('shows a viewer the roadmap inline, its text version and the now / next / later view', async () => {
    const page = await viewer.get('/o/GM0599/strategy/roadmap');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*class="rk-roadmap"[^>]*role="img"/);
    assert.equal(page.body.split('class="rk-roadmap-action"').length - 1, 8);
    assert.match(page.body, /Tekstversie van de routekaart/);
    assert.match(page.body, /Nu, straks, later/);
    assert.match(page.body, /href="\/o\/GM0599\/strategy\/roadmap.png"/);
    assert.doesNotMatch(page.body, /Openbare links beheren/, 'a viewer cannot share');
  });

  it('shows the technology-push warning of an action on the roadmap', async () => {
    const page = await viewer.get('/o/GM0599/strategy/roadmap');
    assert.match(page.body, /class="rk-roadmap-warning"/);
  });

  it('refuses the roadmap and its downloads to a member of another municipality', async () => {
    for (const url of [
      '/o/GM0599/strategy/roadmap',
      '/o/GM0599/strategy/roadmap.svg',
      '/o/GM0599/strategy/roadmap.png',
    ]) {
      assert.equal((await delft.get(url)).statusCode, 403, url);
    }
  });

  it('offers the SVG and a PNG at A3 print width as downloads', async () => {
    const svg = await viewer.get('/o/GM0599/strategy/roadmap.svg');
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(String(svg.headers['content-disposition']), /attachment; filename="routekaart-GM0599.svg"/);
    const png = await viewer.get('/o/GM0599/strategy/roadmap.png');
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.equal(pngSize(png.rawPayload)?.width, PRINT_WIDTH_PX);
  });

  it('shows an empty state without a strategy, and without actions', async () => {
    const none = await delft.get('/o/GM0503/strategy/roadmap');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /heeft nog geen digitaliseringsstrategie/);
    assert.equal((await delft.get('/o/GM0503/strategy/roadmap.svg')).statusCode, 404);
    const { client: schiedam } = await signedInAs(t, 'GM0518', 'viewer');
    const empty = await schiedam.get('/o/GM0518/strategy/roadmap');
    assert.match(empty.body, /heeft nog geen acties/);
  });

  it('refuses the share links to a viewer', async () => {
    assert.equal((await viewer.get('/o/GM0599/strategy/roadmap/links')).statusCode, 403);
    assert.equal(
      (await viewer.post('/o/GM0599/strategy/roadmap/links', { label: 'Website' })).statusCode,
      403,
    );
  });

  it('keeps what the editor typed when the description is missing or too long', async () => {
    const empty = await editor.post('/o/GM0599/strategy/roadmap/links', { label: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /utrecht-form-field-error-message/);
    const long = 'Website '.repeat(20);
    const tooLong = await editor.post('/o/GM0599/strategy/roadmap/links', { label: long });
    assert.equal(tooLong.statusCode, 422);
    assert.ok(tooLong.body.includes(`value="${long.trim()}"`));
  });

  it('lets an editor share the roadmap by a public link that works signed out, and revoke it', async () => {
    const created = await editor.post('/o/GM0599/strategy/roadmap/links', { label: 'Website gemeente' });
    assert.equal(created.statusCode, 303);
    const list = await editor.get(String(created.headers.location));
    assert.match(list.body, /De link “Website gemeente” is gemaakt/);
    assert.match(
      list.body,
      /&lt;iframe src=&quot;http:\/\/routekaart\.test\/roadmap\/[A-Za-z0-9_-]{43}\/embed&quot;/,
    );
    const link = publicLinkIn(list.body);

    const open = await anonymous().get(link);
    assert.equal(open.statusCode, 200);
    assert.match(open.body, /Digitale routekaart van Rotterdam/);
    assert.match(open.body, /<svg[^>]*class="rk-roadmap"/);
    assert.doesNotMatch(
      open.body,
      /class="rk-roadmap-warning"|Technology push/,
      'the team’s warnings stay internal',
    );
    assert.doesNotMatch(open.body, /Aandachtspunten bij de strategie/);
    const svg = await anonymous().get(`${link}/roadmap.svg`);
    assert.equal(svg.statusCode, 200);
    assert.doesNotMatch(svg.body, /class="rk-roadmap-warning"/);
    assert.doesNotMatch((await anonymous().get(`${link}/embed`)).body, /Technology push/);

    const id = /\/links\/(\d+)\/revoke/.exec(list.body)?.[1];
    const confirm = await editor.get(`/o/GM0599/strategy/roadmap/links/${id}/revoke`);
    assert.match(confirm.body, /Weet u zeker dat u de link “Website gemeente” wilt intrekken/);
    const revoked = await editor.post(`/o/GM0599/strategy/roadmap/links/${id}/revoke`, {});
    assert.equal(revoked.statusCode, 303);

    for (const url of [link, `${link}/embed`, `${link}/roadmap.png`]) {
      const gone = await anonymous().get(url);
      assert.equal(gone.statusCode, 404, url);
    }
    assert.match((await anonymous().get(link)).body, /bestaat niet of is ingetrokken/);
  });

  it('lets only the embed be framed by other sites', async () => {
    const created = await editor.post('/o/GM0599/strategy/roadmap/links', { label: 'Insluiten' });
    const link = publicLinkIn((await editor.get(String(created.headers.location))).body);
    const embed = await anonymous().get(`${link}/embed`);
    assert.equal(embed.statusCode, 200);
    assert.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/);
    assert.match(String(embed.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(embed.headers['x-frame-options'], undefined);
    const page = await anonymous().get(link);
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('answers 404 for an unknown link, and does not let another municipality revoke a link', async () => {
    assert.equal((await anonymous().get(`/roadmap/${'a'.repeat(43)}`)).statusCode, 404);
    assert.equal((await anonymous().get('/roadmap/short')).statusCode, 404);
    const created = await editor.post('/o/GM0599/strategy/roadmap/links', { label: 'Raad' });
    const id = /created=(\d+)/.exec(String(created.headers.location))?.[1];
    assert.equal((await delft.post(`/o/GM0503/strategy/roadmap/links/${id}/revoke`, {})).statusCode, 404);
    assert.equal((await delft.get(`/o/GM0503/strategy/roadmap/links/${id}/revoke`)).statusCode, 404);
  });
});

describe('the regional roadmap', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0599'), {
      actions: 3,
      title: 'Rotterdam Digitaal',
    });
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0503'), {
      actions: 2,
      title: 'Delft Digitaal',
    });
    await setSharing(t.db, 'GM0599', 'named');
    await setSharing(t.db, 'GM0503', 'aggregated');
  });
  after(() => t.close());

  it('shows a coordinator the actions of the members that share by name, per pillar', async () => {
    const { client: mrdh } = await signedInWith(t, { coordinates: ['mrdh'] });
    const page = await mrdh.get('/networks/mrdh/roadmap');
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.split('class="rk-roadmap-action"').length - 1, 3);
    assert.match(page.body, /Leden die met naam delen: Rotterdam\./);
    assert.doesNotMatch(page.body, /Delft/);
    assert.equal((await mrdh.get('/networks/mrdh/roadmap.png')).statusCode, 200);
  });

  it('refuses the regional roadmap to an organisation administrator who does not coordinate', async () => {
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    assert.equal((await admin.get('/networks/mrdh/roadmap')).statusCode, 403);
  });
});
