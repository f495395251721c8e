import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { formatted, hidden2025, hidden2026, mrdhBrigade, mrdhMaturity } from './region.fixtures.ts';

/**
 * The region report over HTTP on the MRDH situation of the workspace's test: ten members' scans in
 * 2026 (two by name), 2025 withheld, and two Rotterdam questions asked today, one with 12 days of the
 * firm (counted as 10) and 1,5 of an expert.
 */
const thisYear = new Date().getFullYear();
const secrets = [...Object.values(hidden2026), ...Object.values(hidden2025)];
const squash = (body: string) => body.replace(/\s+/g, ' ');

async function sheetsOf(bytes: Buffer): Promise<Map<string, (string | number | null)[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, (string | number | null)[][]>();
  workbook.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(values.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null)));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('the region report', () => {
  let t: TestApp;
  let coordinator: TestClient;
  before(async () => {
    t = await createTestApp();
    await mrdhMaturity(t.db);
    await mrdhBrigade(t.db);
    ({ client: coordinator } = await signedInWith(t, {
      coordinates: ['mrdh'],
      memberOf: { MRDH: 'editor' },
    }));
  });
  after(() => t.close());

  const report = (query: string) => coordinator.get(`/networks/mrdh/report?${query}`);

  it('is offered on the workspace with the current year chosen', async () => {
    const page = squash((await coordinator.get('/networks/mrdh')).body);
    assert.match(page, /<h2 class="utrecht-heading-2" id="report-heading">Regiorapportage<\/h2>/);
    assert.match(page, new RegExp(`id="field-from"[^]*?<option value="${thisYear}" selected>`));
    assert.match(page, /<button type="submit" name="format" value="xlsx"[^>]*> Download als Excel \(XLSX\)/);
  });

  it('says in Dutch when the end is before the start, and keeps what was chosen', async () => {
    const response = await report(`from=${thisYear}&to=${thisYear - 1}&language=nl&format=docx`);
    assert.equal(response.statusCode, 400);
    const page = squash(response.body);
    assert.match(page, /Het einde van de periode ligt vóór het begin/);
    assert.match(page, new RegExp(`id="field-from"[^]*?<option value="${thisYear}" selected>`));
    assert.match(page, new RegExp(`id="field-to"[^]*?<option value="${thisYear - 1}" selected>`));
    assert.match(page, /href="#field-to"/, 'the summary leads to the field');
    assert.equal((await report(`from=1999&to=${thisYear}&language=nl&format=pdf`)).statusCode, 400);
    const noButton = await report(`from=2026-2&to=${thisYear}&language=en`);
    assert.equal(noButton.statusCode, 200, 'without a format the form comes back, the choices kept');
    assert.match(squash(noButton.body), /id="field-from"[^]*?<option value="2026-2" selected>/);
  });

  it('gives the figures as a workbook, one sheet per table, the firm capped at ten days', async () => {
    const response = await report(`from=2026&to=${thisYear}&language=nl&format=xlsx`);
    assert.equal(response.statusCode, 200);
    assert.match(
      String(response.headers['content-disposition']),
      new RegExp(`regiorapportage-mrdh-2026(-${thisYear})?\\.xlsx`),
    );
    const sheets = await sheetsOf(response.rawPayload);
    const days = sheets.get('Brigade dagen') ?? [];
    assert.equal(days.length, 3, 'a header and the two questions asked today');
    const worked = days.find((r) => r[5] === 12);
    assert.deepEqual(worked?.slice(1), [
      'GM0599',
      'Rotterdam',
      'fibre',
      worked?.[4] ?? null,
      12,
      10,
      'ja',
      1.5,
    ]);
    const maturity = sheets.get('Volwassenheid') ?? [];
    const strategy = maturity.find((r) => r[0] === 2026 && r[1] === 'pillar' && r[2] === 'strategy');
    assert.deepEqual(strategy?.slice(4, 7), [3.01, 2.43, 3.53]);
  });

  it('gives the report as a Word document with its headings, and as PDF and ODT', async () => {
    const docx = await report(`from=${thisYear}&to=${thisYear}&language=nl&format=docx`);
    assert.equal(docx.statusCode, 200);
    const text = await docxText(docx.rawPayload);
    for (const heading of [
      'Regiorapportage MRDH',
      'Samenvatting',
      'Deelname',
      'Volwassenheid',
      'Aanvragen van de handreiking',
    ])
      assert.match(text, new RegExp(heading), heading);
    assert.match(text, /Totaal: 10,0 dagen adviesbureau \(met het maximum\), 1,5 dagen experts/);
    const pdf = await report(`from=${thisYear}&to=${thisYear}&language=en&format=pdf`);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('ascii'), '%PDF-');
    const odt = await report(`from=${thisYear}&to=${thisYear}&language=nl&format=odt`);
    assert.match(
      odt.rawPayload.subarray(0, 80).toString('latin1'),
      /application\/vnd\.oasis\.opendocument\.text/,
    );
  });

  it('never holds the score of a member that does not share by name, in any year', async () => {
    const period = `from=2025&to=${thisYear}&language=nl`;
    const text = await docxText((await report(`${period}&format=docx`)).rawPayload);
    assert.match(text, /3,01 \(2,43–3,53\)/, 'the region’s figure is there');
    assert.match(text, /Rotterdam/);
    for (const secret of secrets)
      assert.doesNotMatch(
        text,
        new RegExp(`(?<![\\d.,])${formatted(secret)}(?!\\d)`),
        `the document shows ${secret}`,
      );
    const sheets = await sheetsOf((await report(`${period}&format=xlsx`)).rawPayload);
    const cells = [...sheets.values()].flat(2);
    for (const secret of secrets) assert.ok(!cells.includes(secret), `the workbook holds ${secret}`);
    const named = (sheets.get('Scores met naam') ?? []).slice(1).map((r) => r[1]);
    assert.deepEqual([...new Set(named)].sort(), ['GM0503', 'GM0599']);
  });

  it('holds only the questions of the chosen period', async () => {
    const sheets = await sheetsOf((await report('from=2025&to=2025&language=en&format=xlsx')).rawPayload);
    assert.equal(sheets.get('Brigade days')?.length, 1, 'only the header: the questions are from today');
    assert.deepEqual(
      sheets
        .get('Maturity')
        ?.slice(1)
        .map((r) => [r[0], r[8]]),
      [[2025, 'not shown: traceable to a few members']],
    );
  });

  it('is for the network’s coordinators and the platform administrator only', async () => {
    const url = `/networks/mrdh/report?from=${thisYear}&to=${thisYear}&language=nl&format=xlsx`;
    const { client: official } = await signedInWith(t, { memberOf: { GM0599: 'admin' } });
    assert.equal((await official.get(url)).statusCode, 403, "a municipality's user");
    const { client: other } = await signedInWith(t, { coordinates: ['zuid-holland'] });
    assert.equal((await other.get(url)).statusCode, 403, "another network's coordinator");
    assert.equal((await new TestClient(t.app).get(url)).statusCode, 303, 'someone not signed in');
    const { client: admin } = await signedInWith(t, { isPlatformAdmin: true });
    assert.equal((await admin.get(url)).statusCode, 200);
    assert.equal((await admin.get('/networks/nowhere/report')).statusCode, 404);
  });
});
