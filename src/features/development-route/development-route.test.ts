import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { insertScan } from '../benchmark/benchmark.fixtures.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import { routePngWidth } from './route-png.ts';

/** The drawing's text: what a reader sees in the SVG, tags stripped and entities read back. */
function drawnText(svg: string): string {
  const decoded = svg
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  return decoded.replace(/\s+/g, ' ');
}

describe("the handreiking's development route", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  for (const locale of ['nl', 'en'] as const) {
    it(`draws every pillar in order, each foundation part and precondition, read from the framework (${locale})`, async () => {
      const framework = getFramework(latestFrameworkVersion());
      const client = new TestClient(t.app);
      if (locale === 'en') await client.get('/language?lang=en&next=/');
      const svg = await client.get('/handreiking/route.svg');
      assert.equal(svg.statusCode, 200);
      const text = drawnText(svg.body);
      const pillars = [...framework.pillars].sort((a, b) => a.number - b.number);
      // A title may wrap over lines; its first word after the number marks where it stands.
      const positions = pillars.map((p) =>
        text.indexOf(`${p.number}. ${localise(p.title, locale).split(' ')[0]}`),
      );
      for (const p of positions) assert.ok(p >= 0, 'every pillar is drawn');
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
        'the pillars stand in order',
      );
      const parts = framework.themes.filter(
        (th) => th.pillar === 'foundation' || th.pillar === 'preconditions',
      );
      assert.equal(parts.length, 9, 'three foundation parts and six preconditions');
      for (const theme of framework.themes) {
        const words = localise(theme.title, locale).split(' ');
        for (const word of words) assert.ok(text.includes(word), `${theme.id}: "${word}" is drawn`);
      }
      const page = drawnText((await client.get('/handreiking/route')).body);
      for (const theme of framework.themes)
        assert.ok(page.includes(localise(theme.title, locale)), `the text version names ${theme.id}`);
    });
  }

  it('marks where a signed-in municipality stands per pillar from its latest submitted scan', async () => {
    await insertScan(t.db, { code: 'GM0599', period: 2025, overall: 2 });
    await insertScan(t.db, { code: 'GM0599', period: 2026, overall: 3.5 });
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    const text = drawnText((await client.get('/handreiking/route.svg')).body);
    assert.match(text, /Waar Rotterdam staat/);
    assert.equal(text.match(/U staat op 3,5 van 5/g)?.length, 4, 'one mark per pillar, from 2026');
    const anonymous = drawnText((await new TestClient(t.app).get('/handreiking/route.svg')).body);
    assert.doesNotMatch(anonymous, /U staat op/);
  });

  it('downloads the drawing as an A4-landscape PNG made in the worker pool', async () => {
    const response = await new TestClient(t.app).get('/handreiking/route.png');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/png');
    const png = response.rawPayload;
    assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(width, routePngWidth);
    assert.equal(Math.round((height / width) * 297), 210, 'the ratio of A4 landscape');
  });

  it('downloads the drawing and its text version as a PDF', async () => {
    const response = await new TestClient(t.app).get('/handreiking/route.pdf');
    assert.equal(response.statusCode, 200);
    assert.equal(response.rawPayload.subarray(0, 5).toString('ascii'), '%PDF-');
    assert.match(
      response.rawPayload.toString('latin1'),
      /\/MediaBox \[0 0 841\.\d+ 595\.\d+\]/,
      'an A4 landscape page',
    );
  });

  it('is linked from the home page and the handreiking page', async () => {
    const client = new TestClient(t.app);
    assert.match((await client.get('/')).body, /href="\/handreiking\/route"/);
    assert.match((await client.get('/handreiking')).body, /href="\/handreiking\/route"/);
  });
});
