import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { addEntries, contractRow, postFile } from './registries.fixtures.ts';
import { registryEntries } from './registries.tables.ts';

const csv = (text: string) => ({ name: 'contracten.csv', type: 'text/csv', data: Buffer.from(text) });
const header = 'name,supplier,subject_category,end_date,data_owner,hosting,exit_clause';

async function namesOf(t: TestApp, code: string, registry: 'contracts' | 'partnerships' = 'contracts') {
  const id = await organisationId(t.db, code);
  const rows = await t.db
    .select({ name: registryEntries.name, data: registryEntries.data })
    .from(registryEntries)
    .where(and(eq(registryEntries.organisationId, id), eq(registryEntries.registry, registry)));
  return rows;
}

describe('importing and exporting a register', () => {
  let t: TestApp;
  let editor: TestClient;
  let viewer: TestClient;
  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0518', 'editor'));
    ({ client: viewer } = await signedInAs(t, 'GM0518', 'viewer'));
  });
  after(() => t.close());

  it('changes nothing when one row is bad, and reports every bad row in Dutch', async () => {
    await addEntries(t.db, 'GM0518', 'contracts', [contractRow({ name: 'Bestaand', supplier: 'Oud BV' })]);
    const file = [
      header,
      'Bestaand,Nieuw BV,sensors-iot,2028-01-01,municipality,nl,ja',
      'Nieuw contract,Leverancier,sensors-iot,2028-13-45,municipality,nl,ja',
      'Ander contract,Leverancier,raketten,2028-01-01,iedereen,nl,misschien',
    ].join('\r\n');
    const response = await postFile(editor, t, '/o/GM0518/registers/contracts/import', csv(file));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Er is niets geïmporteerd: het bestand bevat 4 fouten/);
    assert.match(
      response.body,
      /<th scope="row" class="utrecht-table__header-cell">\s*3\s*<\/th>\s*<td[^>]*>Einddatum: &quot;2028-13-45&quot; is geen bestaande datum/,
    );
    assert.match(response.body, /Soort onderwerp: &quot;raketten&quot; is geen van de mogelijke keuzes/);
    assert.match(response.body, /Exitclausule: &quot;misschien&quot; is geen ja of nee/);
    const rows = await namesOf(t, 'GM0518');
    assert.deepEqual(
      rows.map((r) => [r.name, r.data.supplier]),
      [['Bestaand', 'Oud BV']],
    );
  });

  it('imports a valid CSV all at once: updates the entry of the same name and adds the others', async () => {
    const file = [
      header.replace(/,/g, ';'),
      'Bestaand;Nieuw BV;sensors-iot;2028-01-01;De gemeente;Nederland;ja',
      '"Glasvezel; fase 2";Vezel BV;connectivity;2029-06-30;shared;eu;nee',
    ].join('\n');
    const response = await postFile(editor, t, '/o/GM0518/registers/contracts/import', csv(file));
    assert.equal(response.statusCode, 303, response.body);
    assert.match(String(response.headers.location), /notice=imported&created=1&updated=1/);
    const rows = await namesOf(t, 'GM0518');
    assert.deepEqual(rows.map((r) => r.name).sort(), ['Bestaand', 'Glasvezel; fase 2']);
    assert.equal(rows.find((r) => r.name === 'Bestaand')?.data.supplier, 'Nieuw BV');
  });

  it('exports CSV and XLSX that import again unchanged', async () => {
    const exported = await viewer.get('/o/GM0518/registers/contracts/export.xlsx');
    assert.equal(exported.statusCode, 200);
    const before = await namesOf(t, 'GM0518');
    const again = await postFile(editor, t, '/o/GM0518/registers/contracts/import', {
      name: 'export.xlsx',
      type: 'application/octet-stream',
      data: exported.rawPayload,
    });
    assert.equal(again.statusCode, 303, again.body);
    assert.deepEqual(await namesOf(t, 'GM0518'), before);
    const csvExport = await viewer.get('/o/GM0518/registers/contracts/export.csv');
    assert.match(csvExport.body, /^\uFEFFname,supplier,subject_category/);
    assert.match(csvExport.body, /\r\n"Glasvezel; fase 2",Vezel BV,connectivity,,2029-06-30,/);
  });

  it('reads partners from an Excel sheet and checks their quadruple-helix kind', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Samenwerking');
    sheet.addRows([
      ['name', 'partners', 'form'],
      ['Slimme wijk', 'Gemeente Den Haag; overheid | Haagse Hogeschool; kennisinstelling', 'convenant'],
      ['Fout verband', 'Iemand; vriendenclub', 'consortium'],
    ]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { name: 'verbanden.xlsx', type: 'application/octet-stream', data };
    const bad = await postFile(editor, t, '/o/GM0518/registers/partnerships/import', file);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /&quot;Iemand; vriendenclub&quot; is geen partner/);
    assert.equal((await namesOf(t, 'GM0518', 'partnerships')).length, 0);
  });

  it('refuses a file that is neither CSV nor XLSX by its content, whatever its name', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c70000000049454e44ae426082',
      'hex',
    );
    const response = await postFile(editor, t, '/o/GM0518/registers/contracts/import', {
      name: 'contracten.csv',
      type: 'text/csv',
      data: png,
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Dit is geen CSV- of Excel-bestand/);
  });

  it('refuses an import to a viewer', async () => {
    const response = await postFile(
      viewer,
      t,
      '/o/GM0518/registers/contracts/import',
      csv(`${header}\r\nX,Y,sensors-iot,2028-01-01,municipality,nl,ja`),
    );
    assert.equal(response.statusCode, 403);
  });

  it('reads Dutch numbers and day-first dates in a semicolon CSV, as Dutch Excel saves it', async () => {
    const file = [
      `${header};value_eur;notice_months`.replace(/,/g, ';'),
      'Dutch numbers;Leverancier;sensors-iot;31-12-2028;municipality;nl;ja;€ 1.250.000;6',
      'Decimal point;Leverancier;sensors-iot;2029-01-31;municipality;nl;ja;1250.50;12',
      'Decimal comma;Leverancier;sensors-iot;1-2-2029;municipality;nl;ja;1250,50;0',
    ].join('\r\n');
    const response = await postFile(editor, t, '/o/GM0518/registers/contracts/import', csv(file));
    assert.equal(response.statusCode, 303, response.body);
    const rows = Object.fromEntries((await namesOf(t, 'GM0518')).map((r) => [r.name, r.data]));
    assert.deepEqual(
      [rows['Dutch numbers'], rows['Decimal point'], rows['Decimal comma']].map((d) => [
        d?.value_eur,
        d?.notice_months,
        d?.end_date,
      ]),
      [
        [1_250_000, 6, '2028-12-31'],
        [1250.5, 12, '2029-01-31'],
        [1250.5, 0, '2029-02-01'],
      ],
    );
  });

  it('refuses a cell with a control character, naming the field, and stores nothing', async () => {
    const before = (await namesOf(t, 'GM0518')).length;
    const file = [header, 'Met bel\u0007,Leverancier,sensors-iot,2028-01-01,municipality,nl,ja'].join('\r\n');
    const response = await postFile(editor, t, '/o/GM0518/registers/contracts/import', csv(file));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Contract \(onderwerp\) bevat een onzichtbaar stuurteken/);
    assert.equal((await namesOf(t, 'GM0518')).length, before);
  });
});
