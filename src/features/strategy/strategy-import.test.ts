import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { toCsv } from '../../core/render/csv.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';
import { multipartBody } from './strategy.fixtures.ts';
import { getActiveStrategy } from './strategy.service.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');

async function upload(t: TestApp, client: TestClient, filename: string, data: Buffer, type = 'text/csv') {
  const token = extractCsrf((await client.get('/o/GM0599/strategy/import')).body);
  const body = multipartBody({ _csrf: token }, { name: 'file', filename, type, data });
  return t.app.inject({
    method: 'POST',
    url: '/o/GM0599/strategy/import',
    headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
    payload: body.payload,
  });
}

function table(csv: string): string[][] {
  return parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
}

describe('importing actions from a spreadsheet', () => {
  let t: TestApp;
  let org: number;
  before(async () => {
    t = await createTestApp();
    org = await organisationId(t.db, 'GM0599');
    await createStrategyForTest(t.db, org, { actions: 4 });
  });
  after(() => t.close());

  it('exports every action with Dutch headers and reads the edited file back', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const csv = await client.get('/o/GM0599/strategy/actions.csv');
    assert.equal(csv.statusCode, 200);
    const rows = table(csv.body);
    const header = rows[0] ?? [];
    assert.deepEqual(header.slice(0, 5), ['ID', 'Titel', 'Omschrijving', 'Pijler', 'Thema']);
    assert.equal(rows.length, 5);
    const progress = header.indexOf('Voortgang (%)');
    const status = header.indexOf('Status');
    const edited = rows.map((row, i) =>
      i === 1 ? row.map((cell, j) => (j === progress ? '55' : j === status ? 'lopend' : cell)) : row,
    );
    edited.push([
      '',
      'Nieuwe actie uit Excel',
      '',
      '',
      'Open en gesloten data',
      'Circulaire economie',
      'IV',
      '2027-Q1',
      '2027-Q4',
      '10.000',
      'incidenteel',
      '',
      'gepland',
      '0',
      '',
      '',
      '',
      '',
    ]);
    const response = await upload(t, client, 'acties.csv', Buffer.from(toCsv(edited)));
    assert.equal(response.statusCode, 303, squash(response.body).slice(-2000));
    const done = await client.get(String(response.headers.location));
    assert.match(squash(done.body), /Import voltooid: 1 nieuw, 1 bijgewerkt, 3 ongewijzigd/);
    const strategy = await getActiveStrategy(t.db, org);
    const changed = strategy?.actions.find((a) => String(a.id) === rows[1]?.[0]);
    assert.equal(changed?.progress, 55);
    assert.equal(changed?.status, 'running');
    const added = strategy?.actions.find((a) => a.title === 'Nieuwe actie uit Excel');
    assert.equal(added?.themeId, 'open-data');
    assert.equal(added?.budgetCents, 1_000_000);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'strategy.actions.imported'))
      .orderBy(desc(auditLog.id));
    assert.deepEqual(audit?.details, { strategyId: strategy?.id, created: 1, updated: 1 });
    const history = await client.get(`/o/GM0599/strategy/actions/${changed?.id ?? 0}`);
    assert.match(squash(history.body), /Bijgewerkt door import/);
  });

  it('changes nothing when one row is bad, and lists every bad row with its reason', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const before = await getActiveStrategy(t.db, org);
    const rows = table((await client.get('/o/GM0599/strategy/actions.csv')).body);
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const edited = rows.map((row, i) => {
      if (i === 1) return row.map((c, j) => (j === col('Voortgang (%)') ? '99' : c));
      if (i === 2) return row.map((c, j) => (j === col('Voortgang (%)') ? '150' : c));
      if (i === 3) return row.map((c, j) => (j === col('Status') ? 'bezig' : j === col('Einde') ? 'Q9' : c));
      if (i === 4) return row.map((c, j) => (j === col('ID') ? '99999' : c));
      return row;
    });
    const response = await upload(t, client, 'acties.csv', Buffer.from(toCsv(edited)));
    assert.equal(response.statusCode, 422);
    const body = squash(response.body);
    assert.match(body, /Er is niets geïmporteerd: 3 regel\(s\) kloppen niet/);
    assert.match(body, /Voortgang \(%\): Vul bij voortgang een heel getal in van 0 tot en met 100/);
    assert.match(body, /Status “bezig” bestaat niet/);
    assert.match(body, /Eindkwartaal: Vul bij eindkwartaal een kwartaal in zoals 2026-Q3/);
    assert.match(body, /Er is geen actie met ID 99999/);
    assert.match(body, /<th scope="row" class="utrecht-table__header-cell">3<\/th>/);
    const afterImport = await getActiveStrategy(t.db, org);
    assert.deepEqual(
      afterImport?.actions.map((a) => [a.id, a.progress, a.version]),
      before?.actions.map((a) => [a.id, a.progress, a.version]),
    );
  });

  it('refuses a row for an action that changed after the download', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const rows = table((await client.get('/o/GM0599/strategy/actions.csv')).body);
    const header = rows[0] ?? [];
    const stale = rows.map((row, i) =>
      i === 1 ? row.map((c, j) => (j === header.indexOf('Versie') ? String(Number(c) - 1 || 7) : c)) : row,
    );
    const response = await upload(t, client, 'acties.csv', Buffer.from(toCsv(stale)));
    assert.equal(response.statusCode, 422);
    assert.match(squash(response.body), /na de download gewijzigd/);
  });

  it('reads an Excel workbook, and refuses a file that is neither CSV nor Excel by its content', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const xlsx = await client.get('/o/GM0599/strategy/actions.xlsx');
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    const header: string[] = [];
    sheet.getRow(1).eachCell((cell, column) => {
      header[column] = String(cell.value);
    });
    sheet.getRow(2).getCell(header.indexOf('Voortgang (%)')).value = 80;
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(t, client, 'acties.xlsx', data, 'application/octet-stream');
    assert.equal(response.statusCode, 303, squash(response.body).slice(-1500));
    const id = Number(sheet.getRow(2).getCell(1).value);
    const strategy = await getActiveStrategy(t.db, org);
    assert.equal(strategy?.actions.find((a) => a.id === id)?.progress, 80);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const refused = await upload(t, client, 'acties.csv', png);
    assert.equal(refused.statusCode, 422);
    assert.match(squash(refused.body), /geen CSV- of Excel-bestand/);
  });

  it('lets a viewer download but not import', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer');
    assert.equal((await client.get('/o/GM0599/strategy/actions.csv')).statusCode, 200);
    assert.equal((await client.get('/o/GM0599/strategy/import')).statusCode, 403);
  });
});
