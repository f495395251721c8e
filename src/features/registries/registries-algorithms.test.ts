import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { seedDemoRegistries } from './registries.demo.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';
import { listEntries } from './registries.queries.ts';
import { publicationSchema } from './registries-publication.ts';
import { publicationStandard } from './registries-standard.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(publicationSchema());
const problems = (value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

const valid = {
  name: 'Meldingen openbare ruimte sorteren',
  description_short: 'Stuurt meldingen over de openbare ruimte naar het team dat ze oplost.',
  category: ['Ruimte en infrastructuur', 'Organisatie en bedrijfsvoering'],
  status: 'In gebruik',
  begin_date: '2024-02',
  publication_category: 'Overige algoritmes',
  lawful_basis_links: 'Gemeentewet; https://wetten.overheid.nl/BWBR0005416',
  impact_assessments: ['Meldingen DPIA', 'Meldingen IAMA', 'Meldingen quickscan'],
  source_data_sources: ['Meldingen', 'Buitenruimte open'],
  provider_contract: 'Meldingensysteem',
  contact_email: 'algoritmes@delft.example',
};

describe('the algorithms register and its publication format', () => {
  let t: TestApp;
  let editor: TestClient;
  let rotterdam: TestClient;
  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0503', 'editor'));
    ({ client: rotterdam } = await signedInAs(t, 'GM0599', 'admin'));
    await addEntries(t.db, 'GM0503', 'contracts', [
      contractRow({ name: 'Meldingensysteem', supplier: 'Meldwerk BV' }),
    ]);
    const source = { kind: 'application', owner: 'municipality', status: 'active', personal_data: 'ja' };
    await addEntries(t.db, 'GM0503', 'data-sources', [
      { ...source, name: 'Meldingen', openness: 'closed' },
      {
        ...source,
        name: 'Buitenruimte open',
        openness: 'open',
        access_url: 'https://data.delft.example/buitenruimte',
        licence: 'cc0',
        contact_email: 'opendata@delft.example',
      },
    ]);
    await addEntries(t.db, 'GM0503', 'assessments', [
      { name: 'Meldingen DPIA', assessment: 'dpia', status: 'done', done_on: '2025-01-10' },
      { name: 'Meldingen IAMA', assessment: 'iama', status: 'done', done_on: '2025-02-10' },
      { name: 'Meldingen quickscan', assessment: 'pia', status: 'in-progress' },
    ]);
  });
  after(() => t.close());

  it('shows the standard’s Dutch help texts and the linked registers’ entries in the form', async () => {
    const page = await editor.get('/o/GM0503/registers/algorithms/new');
    assert.equal(page.statusCode, 200);
    assert.ok(publicationStandard.properties.name?.help_text);
    assert.ok(page.body.includes(publicationStandard.properties.name.help_text));
    assert.match(page.body, /Hoogstens 100 tekens/);
    for (const name of ['Meldingen DPIA', 'Buitenruimte open', 'Meldingensysteem'])
      assert.match(page.body, new RegExp(`value="${name}"`));
  });

  it('refuses a long name, an unknown status, a month as a date and no source data, keeping the input', async () => {
    const name = 'M'.repeat(101);
    const response = await editor.post('/o/GM0503/registers/algorithms', {
      ...valid,
      name,
      status: 'Actief',
      begin_date: '01-02-2024',
      source_data_sources: [],
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Naam van het algoritme: de tekst is langer dan 100 tekens/);
    assert.match(response.body, /Status: &quot;Actief&quot; is geen van de mogelijke keuzes/);
    assert.match(response.body, /&quot;01-02-2024&quot; is geen maand/);
    assert.match(response.body, /Vul gegevensbronnen \(uit het register van databronnen\) in/);
    assert.ok(response.body.includes(`value="${name}"`), 'the typed name is kept');
  });

  it('refuses a lawful basis without an address and names the line', async () => {
    const response = await editor.post('/o/GM0503/registers/algorithms', {
      ...valid,
      lawful_basis_links: 'Gemeentewet',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /&quot;Gemeentewet&quot; is geen titel met een webadres/);
  });

  it('exports an algorithm in the publication format, its links spelled out, valid by the standard', async () => {
    const created = await editor.post('/o/GM0503/registers/algorithms', valid);
    assert.equal(created.statusCode, 303, created.body);
    const location = String(created.headers.location).split('?')[0];
    const response = await editor.get(`${location}/publication.json`);
    assert.equal(response.statusCode, 200);
    const publication: unknown = response.json();
    assert.deepEqual(problems(publication), []);
    const id = location?.split('/').pop();
    assert.deepEqual(publication, {
      name: valid.name,
      description_short: valid.description_short,
      category: valid.category,
      status: 'In gebruik',
      begin_date: '2024-02',
      publication_category: 'Overige algoritmes',
      contact_email: valid.contact_email,
      organization: 'Gemeente Delft',
      lawful_basis_grouping: [{ title: 'Gemeentewet', link: 'https://wetten.overheid.nl/BWBR0005416' }],
      // The quickscan is not finished, so it is not published.
      impacttoetsen_grouping: [
        { title: 'Data Protection Impact Assessment (DPIA)' },
        { title: 'Impact Assessment Mensenrechten en Algoritmes (IAMA)' },
      ],
      source_data_grouping: [
        {
          title: 'Meldingen',
          link: `http://routekaart.test/o/GM0503/registers/data-sources/${await sourceId(t, 'Meldingen')}`,
        },
        { title: 'Buitenruimte open', link: 'https://data.delft.example/buitenruimte' },
      ],
      provider: 'Meldwerk BV',
      source_id: `GM0503-${id}`,
      lang: 'nld',
      standard_version: '1.0',
    });
    const page = await editor.get(String(location));
    assert.match(page.body, /publication\.json/);
  });

  it('exports the demo algorithms as one valid set, and only to the organisation', async () => {
    await seedDemoRegistries(t.db);
    const response = await rotterdam.get('/o/GM0599/registers/algorithms/publication.json');
    assert.equal(response.statusCode, 200);
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="algoritmes-GM0599.json"/,
    );
    const set: unknown = response.json();
    assert.ok(Array.isArray(set) && set.length === 3);
    for (const algorithm of set) assert.deepEqual(problems(algorithm), [], JSON.stringify(algorithm));
    assert.equal((await editor.get('/o/GM0599/registers/algorithms/publication.json')).statusCode, 403);
    const [first] = await listEntries(t.db, await organisationId(t.db, 'GM0599'), 'algorithms');
    assert.equal(
      (await editor.get(`/o/GM0503/registers/algorithms/${first?.id}/publication.json`)).statusCode,
      404,
    );
  });

  it('derives a validator that refuses what the standard refuses', () => {
    const base = {
      name: 'Algoritme',
      description_short: 'Kort.',
      organization: 'Gemeente Delft',
      status: 'In gebruik',
      contact_email: 'a@delft.example',
      publication_category: 'Overige algoritmes',
      source_data_grouping: [{ title: 'Bron', link: 'https://data.delft.example' }],
      lang: 'nld',
    };
    assert.deepEqual(problems(base), []);
    assert.notDeepEqual(problems({ ...base, status: 'Actief' }), []);
    assert.notDeepEqual(problems({ ...base, name: 'x'.repeat(101) }), []);
    assert.notDeepEqual(problems({ ...base, category: ['Sport'] }), []);
    assert.notDeepEqual(problems({ ...base, source_data_grouping: [] }), []);
    assert.notDeepEqual(problems({ ...base, source_data_grouping: [{ title: 'Bron' }] }), []);
    assert.notDeepEqual(problems({ ...base, lang: 'eng' }), []);
    assert.notDeepEqual(problems({ ...base, unknown: 'x' }), []);
    const withoutContact: Record<string, unknown> = { ...base };
    delete withoutContact.contact_email;
    assert.notDeepEqual(problems(withoutContact), []);
  });
});

async function sourceId(t: TestApp, name: string): Promise<number | undefined> {
  const entries = await listEntries(t.db, await organisationId(t.db, 'GM0503'), 'data-sources');
  return entries.find((e) => e.name === name)?.id;
}
