import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { submittedScan } from './documents.fixtures.ts';
import { count, readDocx, readPdf } from './document-reading.fixtures.ts';

const page = '/o/GM0599/documents/strategy';
const chapters = [
  'Samenvatting',
  'Visie',
  'Maatschappelijke opgaven en ambities',
  'Resultaten van de zelfscan',
  'Volwassenheid per maatschappelijke opgave',
  'Positie in de benchmark',
  'Routekaart',
  'Acties per pijler',
  'De randvoorwaarden',
  'Verantwoording',
];

describe('the strategy document', () => {
  let t: TestApp;
  let editor: TestClient;

  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor'));
  });
  after(() => t.close());

  async function make(format: 'docx' | 'pdf') {
    const response = await editor.post(page, { format, language: 'nl' }, page);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const id = /\?made=(\d+)$/.exec(String(response.headers.location))?.[1];
    return (await editor.get(`/o/GM0599/documents/${id}`)).rawPayload;
  }

  it('says there is no active strategy yet, and makes no document without one', async () => {
    const shown = await editor.get(page);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Er is nog geen actieve strategie/);
    assert.equal((await editor.post(page, { format: 'pdf', language: 'nl' }, page)).statusCode, 409);
  });

  it('makes the DOCX with every chapter, the roadmap and the actions per pillar as tables, and the radar with alt text', async () => {
    await submittedScan(t.db, 'GM0599');
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0599'), {
      actions: 24,
      vision: 'Digitalisering is een **middel**.\n\n- Eerst de opgave\n- Dan de techniek',
    });
    const docx = await readDocx(await make('docx'));
    const headings = [...docx.document.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]+)</g)].map(
      (m) => m[1],
    );
    assert.deepEqual(headings, chapters);
    assert.match(docx.document, /Digitalisering is een middel\./);
    assert.match(docx.document, /<w:numPr>.*?Eerst de opgave/, 'the vision’s list is a real list');
    // The roadmap is a Word table (decision 0034): the radar chart is the document's only picture.
    assert.equal(docx.media.length, 1, 'the radar chart');
    const roadmapTable = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].find((m) =>
      m[0].includes('>K1<'),
    );
    assert.ok(roadmapTable, 'the roadmap by quarter');
    const rows = [...roadmapTable[0].matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    const withStatus = rows.filter((row) => />(Gepland|Loopt|Afgerond|Gepauzeerd|Gestopt)</.test(row));
    assert.equal(withStatus.length, 24, 'every action once, with its status');
    assert.equal(rows.filter((row) => row.includes('<w:tblHeader/>')).length, 2, 'years and quarters repeat');
    assert.match(docx.document, /descr="Radardiagram/);
    const actionTables = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].filter((m) =>
      m[0].includes('>Eigenaar<'),
    );
    assert.ok(actionTables.length >= 2, 'a table per pillar with actions');
    const actionRows = actionTables.reduce((n, m) => n + count(m[0], /<w:tr>/) - 1, 0);
    assert.equal(actionRows, 24, 'every action once');
    for (const table of actionTables) assert.match(table[0], /<w:tblHeader\/>/);
    assert.match(docx.document, /€\s?\d{1,3}(\.\d{3})+/, 'euro amounts in Dutch notation');
    assert.match(docx.document, /Datum: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">\d{1,2} [a-z]+ \d{4}</);
    assert.match(docx.core, /<dc:title>Digitaliseringsstrategie 2026–2029<\/dc:title>/);
  });

  it('makes the tagged PDF as the next version, every page rendering, with the title in the metadata', async () => {
    const pdf = await readPdf(await make('pdf'));
    assert.equal(pdf.info.Tagged, 'yes');
    assert.equal(pdf.info.Title, 'Digitaliseringsstrategie 2026–2029');
    assert.equal(Number(pdf.info.Pages), pdf.rendered);
    assert.equal(pdf.pages.length, pdf.rendered);
    assert.match(pdf.pages[0] ?? '', /Versie\s*:?\s*2/);
    assert.ok(count(pdf.structure, /^\s*Figure/m) >= 2, 'the radar chart and the roadmap');
    for (const chapter of chapters)
      assert.ok(
        pdf.pages.some((p) => p.includes(chapter)),
        chapter,
      );
  });

  it('makes the ODT beside them, as OpenDocument Text with its own file name', async () => {
    const response = await editor.post(page, { format: 'odt', language: 'en' }, page);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const id = /\?made=(\d+)$/.exec(String(response.headers.location))?.[1];
    const file = await editor.get(`/o/GM0599/documents/${id}`);
    assert.equal(file.headers['content-type'], 'application/vnd.oasis.opendocument.text');
    assert.match(String(file.headers['content-disposition']), /-v3\.odt"$/);
    assert.equal(file.rawPayload.subarray(30, 38).toString('ascii'), 'mimetype');
    assert.match(file.rawPayload.toString('latin1'), /Pictures\/image1\.png/);
  });

  it('is linked from the strategy page', async () => {
    const strategyPage = await editor.get('/o/GM0599/strategy');
    assert.match(
      strategyPage.body,
      /href="\/o\/GM0599\/documents\/strategy"[^>]*>\s*Strategiedocument maken/,
    );
  });

  it('lists the strategy versions on its page and on the documents page', async () => {
    const shown = await editor.get(page);
    assert.equal(count(shown.body, /Downloaden: (PDF|Word \(DOCX\)|OpenDocument \(ODT\)), versie \d/), 3);
    const list = await editor.get('/o/GM0599/documents');
    assert.match(
      list.body,
      /href="\/o\/GM0599\/documents\/strategy"[^>]*>\s*Digitaliseringsstrategie 2026–2029/,
    );
  });

  it("does not show one municipality's strategy document to another", async () => {
    const { client: delft } = await signedInAs(t, 'GM0503', 'admin');
    assert.equal((await delft.get(page)).statusCode, 403);
    const own = await delft.get('/o/GM0503/documents/strategy');
    assert.match(own.body, /Er is nog geen actieve strategie/);
  });
});
