import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readTable } from '../../core/render/spreadsheet.ts';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';
import { listEntries } from './registries.queries.ts';

/**
 * A hand-made example: Gouda keeps youth care files (everything article 30 asks is there, the
 * security measures coming from the DPIA), camera images stored outside the EU (little filled in),
 * and waste containers without personal data (no processing activity).
 */
describe('the processing register (AVG article 30)', () => {
  let t: TestApp;
  let viewer: TestClient;
  let delft: TestClient;
  const ids: Record<string, number> = {};
  before(async () => {
    t = await createTestApp();
    ({ client: viewer } = await signedInAs(t, 'GM0513', 'viewer'));
    ({ client: delft } = await signedInAs(t, 'GM0503', 'admin'));
    await addEntries(t.db, 'GM0513', 'contracts', [
      contractRow({ name: 'Zaaksysteem', supplier: 'Zaakwerk BV', hosting: 'nl' }),
      contractRow({ name: 'Cloudopslag', supplier: 'Wolk Inc.', hosting: 'outside-eu' }),
    ]);
    await addEntries(t.db, 'GM0513', 'assessments', [
      {
        name: 'DPIA jeugdhulp',
        assessment: 'dpia',
        status: 'done',
        done_on: '2025-04-01',
        vng_security: 'ja',
        vng_security_note: 'Versleuteld opgeslagen; inloggen met twee factoren.',
      },
    ]);
    const source = { kind: 'application', owner: 'municipality', openness: 'closed', status: 'active' };
    await addEntries(t.db, 'GM0513', 'data-sources', [
      {
        ...source,
        name: 'Jeugdhulpdossiers',
        personal_data: 'ja',
        processing_purpose: 'Jeugdhulp toewijzen en verantwoorden.',
        data_subjects: 'Jeugdigen; ouders',
        personal_data_categories: 'NAW-gegevens; BSN; gezondheid',
        recipients: 'Jeugdhulpaanbieders',
        retention: '=15 jaar na de laatste hulp',
        contact_email: 'privacy@gouda.example',
        contract: 'Zaaksysteem',
        privacy_assessment: 'DPIA jeugdhulp',
      },
      { ...source, name: 'Camerabeelden', personal_data: 'ja', contract: 'Cloudopslag' },
      { ...source, name: 'Afvalcontainers', personal_data: 'nee' },
    ]);
    for (const entry of await listEntries(t.db, await organisationId(t.db, 'GM0513'), 'data-sources'))
      ids[entry.name] = entry.id;
  });
  after(() => t.close());

  it('lists each source with personal data as an activity, with what is missing', async () => {
    const response = await viewer.get('/o/GM0513/registers/processing/export.json');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      controller: 'Gemeente Gouda',
      activities: [
        {
          name: 'Camerabeelden',
          sourceId: ids.Camerabeelden,
          controller: 'Gemeente Gouda',
          contact: null,
          purposes: null,
          dataSubjects: [],
          personalDataCategories: [],
          recipients: [],
          transfers: { kind: 'outside-eu', supplier: 'Wolk Inc.' },
          retention: null,
          securityMeasures: null,
          assessment: null,
          missing: [
            'contact',
            'purposes',
            'data_subjects',
            'personal_data_categories',
            'recipients',
            'retention',
            'security_measures',
          ],
        },
        {
          name: 'Jeugdhulpdossiers',
          sourceId: ids.Jeugdhulpdossiers,
          controller: 'Gemeente Gouda',
          contact: 'privacy@gouda.example',
          purposes: 'Jeugdhulp toewijzen en verantwoorden.',
          dataSubjects: ['Jeugdigen', 'ouders'],
          personalDataCategories: ['NAW-gegevens', 'BSN', 'gezondheid'],
          recipients: ['Jeugdhulpaanbieders'],
          transfers: { kind: 'none' },
          retention: '=15 jaar na de laatste hulp',
          securityMeasures: 'Versleuteld opgeslagen; inloggen met twee factoren.',
          assessment: { name: 'DPIA jeugdhulp', kind: 'dpia', status: 'done' },
          missing: [],
        },
      ],
    });
  });

  it('offers one formula-safe CSV table and the same table as XLSX', async () => {
    const csv = await viewer.get('/o/GM0513/registers/processing/export.csv');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(
      lines[0],
      'activity,data_source_id,controller,contact,purposes,data_subjects,personal_data_categories,recipients,transfers,retention,security_measures,assessment,missing,missing_labels',
    );
    assert.equal(
      lines[1],
      `Camerabeelden,${ids.Camerabeelden},Gemeente Gouda,,,,,,"Ja: buiten de EU/EER, bij Wolk Inc.",,,Niet gekoppeld,` +
        '"contact; purposes; data_subjects; personal_data_categories; recipients; retention; security_measures",' +
        '"contactgegevens, doeleinden, categorieën betrokkenen, categorieën persoonsgegevens, categorieën ontvangers, bewaartermijn, beveiligingsmaatregelen"',
    );
    assert.equal(
      lines[2],
      `Jeugdhulpdossiers,${ids.Jeugdhulpdossiers},Gemeente Gouda,privacy@gouda.example,Jeugdhulp toewijzen en verantwoorden.,` +
        '"Jeugdigen; ouders","NAW-gegevens; BSN; gezondheid",Jeugdhulpaanbieders,' +
        "Geen volgens de hostinglocatie: binnen de EU/EER,'=15 jaar na de laatste hulp," +
        '"Versleuteld opgeslagen; inloggen met twee factoren.",DPIA jeugdhulp (Afgerond),,',
    );
    assert.equal(lines.length, 4, 'two activities and the final line end');

    const xlsx = await viewer.get('/o/GM0513/registers/processing/export.xlsx');
    assert.equal(xlsx.statusCode, 200);
    const table = await readTable(xlsx.rawPayload, { maxRows: 10, maxColumns: 20 });
    assert.ok(Array.isArray(table));
    assert.equal(table.length, 3);
    assert.equal(table[2]?.[0], 'Jeugdhulpdossiers');
    assert.equal(
      table[1]?.[12],
      'contact; purposes; data_subjects; personal_data_categories; recipients; retention; security_measures',
    );
  });

  it('shows the activities and what is missing on a page that links the files', async () => {
    const page = await viewer.get('/o/GM0513/registers/processing');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2 verwerkingsactiviteiten, waarvan 1 volledig/);
    assert.match(page.body, /Ontbreekt nog: contactgegevens, doeleinden/);
    assert.doesNotMatch(page.body, /Afvalcontainers/);
    for (const file of ['export.csv', 'export.xlsx', 'export.json'])
      assert.ok(page.body.includes(`/o/GM0513/registers/processing/${file}`), file);
    assert.match((await viewer.get('/o/GM0513/registers')).body, /href="\/o\/GM0513\/registers\/processing"/);
  });

  it('is for the organisation only', async () => {
    for (const path of ['', '/export.csv', '/export.xlsx', '/export.json'])
      assert.equal((await delft.get(`/o/GM0513/registers/processing${path}`)).statusCode, 403, path);
  });
});
