import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { addEntries } from './registries.fixtures.ts';

const shapesFile = path.join(import.meta.dirname, '../../../standards/dcat-ap-nl/dcat-ap-nl-SHACL.ttl');

function storeOf(text: string, format: string): Store {
  return new Store(new Parser({ format }).parse(text));
}

async function violations(data: Store): Promise<string[]> {
  const shapes = storeOf(fs.readFileSync(shapesFile, 'utf8'), 'text/turtle');
  const report = await new SHACLValidator(shapes).validate(data);
  return report.results.map(
    (r) => `${r.focusNode?.value ?? '?'} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join(' ')}`,
  );
}

const open = (name: string, extra: Record<string, string> = {}) => ({
  name,
  kind: 'dataset',
  owner: 'municipality',
  openness: 'open',
  status: 'active',
  access_url: `https://data.rotterdam.example/${name.toLowerCase().replace(/\s+/g, '-')}`,
  licence: 'cc0',
  contact_email: 'opendata@rotterdam.example',
  ...extra,
});

describe('the DCAT-AP-NL catalogue of open data sources', () => {
  let t: TestApp;
  let visitor: TestClient;
  before(async () => {
    t = await createTestApp();
    visitor = new TestClient(t.app);
    await addEntries(t.db, 'GM0599', 'data-sources', [
      open('Luchtkwaliteit', {
        societal_task: 'health-wellbeing',
        standards: 'SensorThings API, CSV',
        description: 'Fijnstof per kwartier',
      }),
      open('Parkeerbezetting', { licence: 'cc-by' }),
      {
        name: 'Zaakgegevens',
        kind: 'application',
        owner: 'supplier',
        openness: 'closed',
        status: 'active',
        personal_data: 'ja',
      },
      {
        name: 'Gedeelde energiedata',
        kind: 'platform',
        owner: 'municipality',
        openness: 'shared',
        status: 'active',
      },
    ]);
  });
  after(() => t.close());

  it('publishes Turtle without sign-in that conforms to the DCAT-AP-NL SHACL shapes', async () => {
    const response = await visitor.get('/open-data/GM0599/catalog.ttl');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/turtle/);
    const data = storeOf(response.body, 'text/turtle');
    assert.deepEqual(await violations(data), []);
    assert.equal(
      data.getQuads(
        null,
        'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
        'http://www.w3.org/ns/dcat#Dataset',
        null,
      ).length,
      2,
    );
  });

  it('publishes JSON-LD with an inline context that turns, offline, into the same conforming graph', async () => {
    const response = await visitor.get('/open-data/GM0599/catalog.jsonld');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/ld\+json/);
    const document: unknown = JSON.parse(response.body);
    assert.ok(typeof document === 'object' && document !== null);
    const offline = () => Promise.reject(new Error('no network in tests: the context must be inline'));
    const nquads = await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader: offline });
    assert.equal(typeof nquads, 'string');
    const data = storeOf(String(nquads), 'application/n-quads');
    assert.deepEqual(await violations(data), []);
    const turtle = storeOf((await visitor.get('/open-data/GM0599/catalog.ttl')).body, 'text/turtle');
    assert.equal(data.size, turtle.size);
  });

  it('lists only open sources: never the shared or closed ones', async () => {
    const body = (await visitor.get('/open-data/GM0599/catalog.ttl')).body;
    assert.match(body, /Luchtkwaliteit/);
    assert.doesNotMatch(body, /Zaakgegevens|Gedeelde energiedata/);
  });

  it('fails the shapes when a required property is missing (the check has teeth)', async () => {
    const body = (await visitor.get('/open-data/GM0599/catalog.ttl')).body;
    const data = storeOf(body, 'text/turtle');
    for (const quad of data.getQuads(null, 'http://purl.org/dc/terms/license', null, null))
      data.removeQuad(quad);
    assert.ok((await violations(data)).some((v) => v.includes('license')));
  });

  it('is linked from the open-data page, per organisation that publishes open sources, in plain words', async () => {
    const page = await visitor.get('/open-data');
    assert.equal(page.statusCode, 200);
    const body = page.body.replace(/\s+/g, ' ');
    assert.match(
      body,
      /<a class="utrecht-link" href="\/open-data\/GM0599\/catalog\.ttl" >Catalogus van Rotterdam \(2 open databronnen\)<\/a >/,
    );
    assert.doesNotMatch(
      body,
      /province:PV|network:[a-z]|\?group=/,
      'no developer identifiers for a policy reader',
    );
  });

  it('answers 404 for an unknown organisation', async () => {
    assert.equal((await visitor.get('/open-data/GM9999/catalog.ttl')).statusCode, 404);
  });
});
