import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';
import { registryEntries, registryKinds } from './registries.tables.ts';

const minimal: Record<string, Record<string, string>> = {
  'data-sources': {
    name: 'Meetnet geluid',
    kind: 'sensor-network',
    owner: 'municipality',
    openness: 'closed',
    status: 'active',
  },
  contracts: contractRow({ name: 'Geluidsensoren' }),
  assessments: { name: 'Geluidsmeting', assessment: 'dpia', status: 'in-progress' },
  partnerships: { name: 'Geluidsconsortium', partners: 'TU Delft; kennisinstelling', form: 'consortium' },
  // Added after the data sources, the first register: its source data links to one of them.
  algorithms: {
    name: 'Geluidsoverlast voorspellen',
    description_short: 'Voorspelt waar geluidsoverlast te verwachten is.',
    status: 'In gebruik',
    publication_category: 'Overige algoritmes',
    contact_email: 'algoritmes@rotterdam.example',
    source_data_sources: 'Meetnet geluid',
  },
};

async function idOf(t: TestApp, name: string): Promise<number> {
  const [row] = await t.db
    .select({ id: registryEntries.id })
    .from(registryEntries)
    .where(eq(registryEntries.name, name));
  if (!row) throw new Error(`no entry ${name}`);
  return row.id;
}

describe('the registers: who may read and write', () => {
  let t: TestApp;
  let editor: TestClient;
  let viewer: TestClient;
  let delft: TestClient;
  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor'));
    ({ client: viewer } = await signedInAs(t, 'GM0599', 'viewer'));
    ({ client: delft } = await signedInAs(t, 'GM0503', 'admin'));
  });
  after(() => t.close());

  for (const registry of registryKinds) {
    it(`lets an editor add to the ${registry} register, a viewer read it, and refuses both to others`, async () => {
      const created = await editor.post(`/o/GM0599/registers/${registry}`, minimal[registry]);
      assert.equal(created.statusCode, 303, created.body);
      const id = await idOf(t, minimal[registry]?.name ?? '');
      const page = await viewer.get(`/o/GM0599/registers/${registry}/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(minimal[registry]?.name ?? ''));
      assert.doesNotMatch(page.body, /\/edit"/, 'a viewer sees no edit link');
      const list = await viewer.get(`/o/GM0599/registers/${registry}`);
      assert.match(list.body, new RegExp(minimal[registry]?.name ?? ''));

      assert.equal((await viewer.get(`/o/GM0599/registers/${registry}/new`)).statusCode, 403);
      assert.equal(
        (await viewer.post(`/o/GM0599/registers/${registry}`, { ...minimal[registry], name: 'x' }))
          .statusCode,
        403,
      );
      assert.equal((await viewer.post(`/o/GM0599/registers/${registry}/${id}/delete`)).statusCode, 403);
      assert.equal((await delft.get(`/o/GM0599/registers/${registry}/${id}`)).statusCode, 403);
      assert.equal((await delft.get(`/o/GM0599/registers/${registry}/export.csv`)).statusCode, 403);
      // An entry of Rotterdam is not found under Delft's own address either.
      assert.equal((await delft.get(`/o/GM0503/registers/${registry}/${id}`)).statusCode, 404);
    });
  }

  it('re-renders the form with what was typed and a Dutch message naming the field', async () => {
    const response = await editor.post(
      '/o/GM0599/registers/contracts',
      contractRow({ name: 'Parkeersensoren', end_date: 'volgend jaar' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Einddatum: &quot;volgend jaar&quot; is geen bestaande datum/);
    assert.match(response.body, /value="Parkeersensoren"/);
    assert.match(response.body, /value="volgend jaar"/);
  });

  it('stores numbers and dates as Dutch users type them, never changed', async () => {
    const created = await editor.post(
      '/o/GM0599/registers/contracts',
      contractRow({
        name: 'Camerabewaking',
        value_eur: '1250.50',
        notice_months: '12',
        end_date: '31-12-2028',
      }),
    );
    assert.equal(created.statusCode, 303, created.body);
    const [row] = await t.db
      .select({ data: registryEntries.data })
      .from(registryEntries)
      .where(eq(registryEntries.name, 'Camerabewaking'));
    assert.equal(row?.data.value_eur, 1250.5);
    assert.equal(row?.data.notice_months, 12);
    assert.equal(row?.data.end_date, '2028-12-31');
    const page = await editor.get(`/o/GM0599/registers/contracts/${await idOf(t, 'Camerabewaking')}`);
    assert.match(page.body, /€\s?1\.250,50/);
    assert.match(page.body, /31 december 2028/);
  });

  it('refuses a notice period in part months or beyond ten years, with an example, and keeps the text', async () => {
    for (const [typed, message] of [
      ['12.5', /Vul een heel getal in/],
      ['125050', /Vul een getal in van 0 tot en met 120/],
      ['1,250', /kunnen we niet als getal lezen/],
    ] as const) {
      const response = await editor.post(
        '/o/GM0599/registers/contracts',
        contractRow({ name: 'Opzegtermijn', notice_months: typed }),
      );
      assert.equal(response.statusCode, 400, typed);
      assert.match(response.body, message, typed);
      assert.match(response.body, new RegExp(`value="${typed.replace('.', '\\.')}"`), typed);
    }
    const stored = await t.db.select().from(registryEntries).where(eq(registryEntries.name, 'Opzegtermijn'));
    assert.equal(stored.length, 0);
  });

  it('asks for the access URL, licence and e-mail address of an open source', async () => {
    const response = await editor.post('/o/GM0599/registers/data-sources', {
      ...minimal['data-sources'],
      name: 'Open bron',
      openness: 'open',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Vul vindplaats \(url\) in/);
  });

  it('refuses a second entry with the same name with 409', async () => {
    await addEntries(t.db, 'GM0599', 'contracts', [contractRow({ name: 'Dubbel contract' })]);
    const response = await editor.post(
      '/o/GM0599/registers/contracts',
      contractRow({ name: 'Dubbel contract' }),
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /Er is al een registratie met deze naam/);
  });

  it('shows both values when someone else saved the entry in the meantime, and keeps the typed input', async () => {
    await addEntries(t.db, 'GM0599', 'contracts', [
      contractRow({ name: 'Gelijktijdig', supplier: 'Eerste BV' }),
    ]);
    const id = await idOf(t, 'Gelijktijdig');
    const first = await editor.post(`/o/GM0599/registers/contracts/${id}`, {
      ...contractRow({ name: 'Gelijktijdig', supplier: 'Tweede BV' }),
      version: '1',
    });
    assert.equal(first.statusCode, 303);
    const late = await editor.post(`/o/GM0599/registers/contracts/${id}`, {
      ...contractRow({ name: 'Gelijktijdig', supplier: 'Derde BV' }),
      version: '1',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /opgeslagen is nu &quot;Tweede BV&quot;, u typte &quot;Derde BV&quot;/);
    assert.match(late.body, /value="Derde BV"/);
    assert.match(late.body, /name="version" value="2"/);
  });

  it('asks for confirmation before deleting, then deletes with an audit record', async () => {
    await addEntries(t.db, 'GM0599', 'assessments', [
      { name: 'Te verwijderen', assessment: 'pia', status: 'not-started' },
    ]);
    const id = await idOf(t, 'Te verwijderen');
    const confirm = await editor.get(`/o/GM0599/registers/assessments/${id}/delete`);
    assert.match(confirm.body, /Weet u zeker dat u &quot;Te verwijderen&quot;/);
    const deleted = await editor.post(`/o/GM0599/registers/assessments/${id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal((await editor.get(`/o/GM0599/registers/assessments/${id}`)).statusCode, 404);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'register.deleted'));
    assert.equal(audit.length, 1);
  });

  it('shows the VNG principles one by one with their notes', async () => {
    await addEntries(t.db, 'GM0599', 'assessments', [
      {
        name: 'Principes getoetst',
        assessment: 'dpia',
        status: 'done',
        done_on: '2025-01-31',
        vng_privacy: 'ja',
        vng_privacy_note: 'Pseudonimisering bij de bron',
      },
    ]);
    const page = await viewer.get(`/o/GM0599/registers/assessments/${await idOf(t, 'Principes getoetst')}`);
    for (const principle of [
      'Standaardisatie',
      'Beveiliging',
      'Privacy',
      'Gegevensbescherming',
      'Schaalbaarheid',
    ])
      assert.match(
        page.body,
        new RegExp(`<th scope="row" class="utrecht-table__header-cell">\\s*${principle}`),
      );
    assert.match(page.body, /Pseudonimisering bij de bron/);
  });

  it('lists the contracts by risk: the lowest exit readiness first', async () => {
    await addEntries(t.db, 'GM0503', 'contracts', [
      contractRow({
        name: 'Goed geregeld',
        exit_clause: 'ja',
        reuse_right: 'ja',
        open_standards: 'ja',
        return_format: 'CSV',
      }),
      contractRow({ name: 'Slecht geregeld', data_owner: 'supplier', hosting: 'outside-eu' }),
      contractRow({ name: 'Half geregeld', exit_clause: 'ja' }),
    ]);
    const page = await delft.get('/o/GM0503/registers/contracts');
    const order = ['Slecht geregeld', 'Half geregeld', 'Goed geregeld'].map((name) =>
      page.body.indexOf(name),
    );
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))),
      `order ${order.join(',')}`,
    );
  });
});
