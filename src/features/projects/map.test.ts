import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { allBoundaries, fitProjection, pathOf, projectedShapes, type Boundary } from './map-geometry.ts';
import { bucketOf, buckets } from './map-shading.ts';
import { createProject } from './projects.service.ts';

describe('map geometry', () => {
  const square: Boundary = {
    code: 'X',
    rings: [
      [
        [4, 52],
        [5, 52],
        [5, 53],
        [4, 53],
        [4, 52],
      ],
    ],
  };

  it('projects north up and scales longitude by the cosine of the middle latitude', () => {
    const projection = fitProjection([square], 100, 0);
    assert.deepEqual(projection.project([4, 53]), [0, 0]);
    const [x, y] = projection.project([5, 52]);
    assert.equal(Math.round(x), 100);
    const expectedHeight = 100 / Math.cos((52.5 * Math.PI) / 180);
    assert.ok(Math.abs(y - expectedHeight) < 1e-6, `height ${y} ≈ ${expectedHeight}`);
    assert.ok(Math.abs(projection.height - expectedHeight) < 1e-6);
  });

  it('writes each ring as a closed path with one-decimal absolute coordinates', () => {
    const projection = fitProjection([square], 100, 0);
    assert.equal(pathOf(square.rings, projection), 'M0,164.3L100,164.3L100,0L0,0L0,164.3Z');
  });

  it('decodes the 342 municipalities and draws Zuid-Holland within its view box', () => {
    assert.equal(allBoundaries().size, 342);
    const { width, height, shapes } = projectedShapes(['GM0599', 'GM0518', 'GM0503'], 640);
    assert.equal(shapes.length, 3);
    for (const shape of shapes) {
      assert.match(shape.path, /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z/);
      const numbers = shape.path.match(/[\d.]+/g)?.map(Number) ?? [];
      assert.ok(numbers.every((n) => n >= 0 && n <= Math.max(width, height) + 0.1));
    }
  });
});

describe('map shading', () => {
  it('puts counts in five fixed classes: none, 1, 2–3, 4–6, 7 or more', () => {
    const classOf = (n: number) => buckets.indexOf(bucketOf(n));
    assert.deepEqual([0, 1, 2, 3, 4, 6, 7, 40].map(classOf), [0, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('uses a different fill for every class', () => {
    assert.equal(new Set(buckets.map((b) => b.fill)).size, buckets.length);
  });
});

describe('the project map page', () => {
  let t: TestApp;
  let client: TestClient;

  async function share(code: string, mode: string) {
    const admin = await createUser(t.db, { memberOf: { [code]: 'admin' } });
    const c = new TestClient(t.app);
    await c.signIn(admin.email, testPassword);
    const response = await c.post(`/o/${code}/sharing`, { mode });
    assert.equal(response.statusCode, 303);
  }

  async function project(owner: string, title: string, municipalities: string[], theme = 'open-data') {
    const ids = await Promise.all(municipalities.map((code) => organisationId(t.db, code)));
    const input = {
      title,
      theme,
      task: 'mobility-transition',
      status: 'running' as const,
      partners: '',
      link: null,
      sourceActionId: null,
      municipalityIds: ids,
    };
    return createProject(t.db, await organisationId(t.db, owner), input, null);
  }

  before(async () => {
    t = await createTestApp();
    await share('GM0599', 'named');
    await share('GM0518', 'not-shared');
    await project('GM0599', 'Slimme verkeerslichten Rotterdam', ['GM0599', 'GM0606']);
    await project('GM0599', 'Datagedreven handhaving', ['GM0599'], 'ethics');
    await project('GM0503', 'Digitale tweeling Delft', ['GM0503']);
    await project('GM0518', 'Geheim project Den Haag', ['GM0518']);
    const user = await createUser(t.db, { memberOf: { GM0503: 'viewer' } });
    client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
  });
  after(() => t.close());

  it('labels each municipality with its count of named projects, and the table shows the same numbers', async () => {
    const page = await client.get('/knowledge/map');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /aria-label="Gemeente Rotterdam: 2 projecten"/);
    assert.match(page.body, /aria-label="Gemeente Schiedam: 1 project"/);
    assert.match(page.body, /aria-label="Gemeente Delft: 0 projecten"/);
    assert.match(page.body, /aria-label="Gemeente Den Haag: 0 projecten"/);
    assert.equal(
      (page.body.match(/<a\s+href="\/knowledge\/projects\?municipality=GM\d{4}"/g) ?? []).length,
      50,
    );
    assert.match(page.body, /data-name="Rotterdam"\s+data-count="2 projecten"/);
    assert.match(page.body, /Rotterdam<\/a\s*>\s*<\/th>\s*<td[^>]*>\s*2\s*<\/td>/);
  });

  it('lists in its table only the municipalities with projects, and keys the colours without bullets', async () => {
    const page = await client.get('/knowledge/map');
    const table = page.body.slice(page.body.indexOf('<table'), page.body.indexOf('</table>'));
    assert.match(table, /Rotterdam<\/a/);
    assert.match(table, /Schiedam<\/a/);
    assert.doesNotMatch(table, /Delft|Den Haag/);
    assert.equal((table.match(/<tr/g) ?? []).length, 3, 'a header row and two municipalities');
    assert.match(page.body, /<ul class="rk-map-legend__list" aria-labelledby="project-map-legend">/);
    const noProjects = await client.get('/knowledge/map?theme=coalitions');
    assert.match(noProjects.body, /Geen gemeente heeft projecten die bij deze filters passen/);
  });

  it('counts projects of aggregated organisations only in the regional total, and leaves out not-shared ones', async () => {
    const page = await client.get('/knowledge/map');
    assert.match(page.body, /Daarnaast lopen er in de regio 1 project\(en\)/);
    const list = await client.get('/knowledge/projects');
    assert.match(list.body, /Slimme verkeerslichten Rotterdam/);
    assert.doesNotMatch(list.body, /Digitale tweeling Delft/);
    assert.doesNotMatch(list.body, /Geheim project Den Haag/);
  });

  it('filters by theme and lists a municipality’s projects', async () => {
    const page = await client.get('/knowledge/map?theme=ethics');
    assert.match(page.body, /aria-label="Gemeente Rotterdam: 1 project"/);
    assert.match(page.body, /aria-label="Gemeente Schiedam: 0 projecten"/);
    const list = await client.get('/knowledge/projects?municipality=GM0606');
    assert.match(list.body, /Projecten in Schiedam/);
    assert.match(list.body, /Slimme verkeerslichten Rotterdam/);
    assert.doesNotMatch(list.body, /Datagedreven handhaving/);
  });

  it('is for signed-in users only', async () => {
    const anonymous = await new TestClient(t.app).get('/knowledge/map');
    assert.equal(anonymous.statusCode, 303);
  });
});
