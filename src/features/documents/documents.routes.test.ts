import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count as countRows, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { sharingSettings } from '../sharing/index.ts';
import { peerScans, submittedScan } from './documents.fixtures.ts';
import { documentTasks } from './documents.service.ts';
import { documentVersions } from './documents.tables.ts';
import { count, paragraphStyles, readDocx, readPdf } from './document-reading.fixtures.ts';

describe('the scan-results document', () => {
  let t: TestApp;
  let scanId: number;
  let editor: TestClient;
  let page: string;

  before(async () => {
    t = await createTestApp();
    await peerScans(t.db);
    ({ scanId } = await submittedScan(t.db, 'GM0599'));
    editor = (await signedInAs(t, 'GM0599', 'editor', { name: 'Test editor' })).client;
    page = `/o/GM0599/scans/${scanId}/documents`;
  });
  after(() => t.close());

  async function make(form: Record<string, string>) {
    const response = await editor.post(page, form, page);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const location = String(response.headers.location);
    const id = Number(/\?made=(\d+)$/.exec(location)?.[1]);
    return { location, id };
  }

  it('is linked from the scan results page', async () => {
    const results = await editor.get(`/o/GM0599/scans/${scanId}/results`);
    assert.match(
      results.body,
      new RegExp(`href="${page}"[^>]*>\\s*Resultaten als document voor het managementoverleg`),
    );
  });

  it('makes a tagged PDF as version 1, offers it for download and parses back', async () => {
    const { location, id } = await make({ format: 'pdf', language: 'nl' });
    const shown = await editor.get(location);
    assert.match(shown.body, /Versie 1 \(PDF\) is gemaakt/);
    const download = await editor.get(`/o/GM0599/documents/${id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(
      String(download.headers['content-disposition']),
      /attachment; filename="resultaten-zelfscan-digitalisering-2026-gm0599-v1\.pdf"/,
    );
    const pdf = await readPdf(download.rawPayload);
    assert.equal(pdf.info.Tagged, 'yes');
    assert.equal(pdf.info.Title, 'Resultaten zelfscan digitalisering 2026');
    assert.equal(pdf.info.Author, 'Gemeente Rotterdam');
    assert.equal(Number(pdf.info.Pages), pdf.rendered);
    assert.equal(pdf.rendered, pdf.pages.length);
    assert.ok(pdf.rendered >= 4, 'title page, results, benchmark, method');
    assert.match(pdf.pages.at(-1) ?? '', /Verantwoording/);
    assert.match(pdf.pages.at(-1) ?? '', /Versie van het raamwerk\s*:?\s*2026\.1/);
    assert.match(pdf.structure, /Figure/);
    assert.equal(
      count(pdf.structure, /^\s*Table\b/m),
      7,
      'pillars, four pillars of themes, the societal tasks, benchmark',
    );
  });

  it('makes a DOCX as the next version with headings, repeated header rows and the radar chart with alt text', async () => {
    const { id } = await make({ format: 'docx', language: 'nl' });
    const download = await editor.get(`/o/GM0599/documents/${id}`);
    assert.match(String(download.headers['content-type']), /wordprocessingml/);
    assert.match(String(download.headers['content-disposition']), /-v2\.docx"/);
    const docx = await readDocx(download.rawPayload);
    const headings = [...docx.document.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]+)</g)].map(
      (m) => m[1],
    );
    assert.deepEqual(headings, [
      'Resultaten van de zelfscan',
      'Volwassenheid per maatschappelijke opgave',
      'Positie in de benchmark',
      'Verantwoording',
    ]);
    assert.equal(paragraphStyles(docx.document).filter((s) => s === 'Heading2').length, 4);
    assert.equal(count(docx.document, /<w:tblHeader\/>/), 7);
    assert.match(docx.document, /descr="Radardiagram met per thema het huidige niveau en het doelniveau/);
    assert.match(
      docx.document,
      /Vergeleken met (Netwerk|Provincie) /,
      'named as the benchmark page names it',
    );
    assert.match(docx.document, /Aantal invullers: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">1</);
  });

  it('writes the document in English with English dates when asked', async () => {
    const { id } = await make({ format: 'docx', language: 'en' });
    const docx = await readDocx((await editor.get(`/o/GM0599/documents/${id}`)).rawPayload);
    assert.match(docx.document, /Self-scan results/);
    assert.match(
      docx.document,
      /Date: <\/w:t><\/w:r><w:r><w:t xml:space="preserve">\d{1,2} [A-Z][a-z]+ \d{4}</,
    );
    assert.match(docx.styles, /<w:lang w:val="en-GB"\/>/);
  });

  it('leaves the benchmark out when the organisation does not share', async () => {
    const id = await organisationId(t.db, 'GM0599');
    await t.db.insert(sharingSettings).values({ organisationId: id, mode: 'not-shared' });
    try {
      const made = await make({ format: 'docx', language: 'nl' });
      const docx = await readDocx((await editor.get(`/o/GM0599/documents/${made.id}`)).rawPayload);
      assert.doesNotMatch(docx.document, /Positie in de benchmark/);
    } finally {
      await t.db.delete(sharingSettings).where(eq(sharingSettings.organisationId, id));
    }
  });

  it('lists every version with number, format, author and date on the documents page', async () => {
    const list = await editor.get('/o/GM0599/documents');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<caption[^>]*>\s*Gemaakte documenten, nieuwste eerst/);
    assert.equal(count(list.body, /Downloaden: (PDF|Word \(DOCX\)), versie \d/), 4);
    assert.match(list.body, /Test editor/);
    const scanPage = await editor.get(page);
    assert.match(scanPage.body, /Eerdere versies/);
    const audits = await t.db
      .select({ n: countRows() })
      .from(auditLog)
      .where(eq(auditLog.action, 'document.exported'));
    assert.equal(audits[0]?.n, 4);
  });

  it('gives a clear Dutch message with a retry button when making the document fails, keeping the choices', async () => {
    const working = documentTasks.build;
    // A task whose function the worker cannot find fails in the worker thread, as a crash would.
    documentTasks.build = { ...working, name: 'missingRenderer' };
    try {
      const before = await t.db.select({ n: countRows() }).from(documentVersions);
      const response = await editor.post(page, { format: 'pdf', language: 'en' }, page);
      assert.equal(response.statusCode, 503);
      assert.match(response.body, /Het document kon niet worden gemaakt\. Er is niets opgeslagen/);
      assert.match(response.body, /<button[^>]*type="submit"[^>]*>\s*Opnieuw proberen/);
      assert.match(response.body, /value="pdf"\s+checked/);
      assert.match(response.body, /value="en"\s+checked/);
      const afterwards = await t.db.select({ n: countRows() }).from(documentVersions);
      assert.deepEqual(afterwards, before);
    } finally {
      documentTasks.build = working;
    }
  });

  it('refuses an unknown format with a message naming the field', async () => {
    const response = await editor.post(page, { format: 'rtf', language: 'nl' }, page);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="error-summary"/);
    assert.match(response.body, /formaat/i);
  });

  it('lets a viewer download but not make a version', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'viewer', { name: 'Test viewer' });
    const shown = await client.get(page);
    assert.match(shown.body, /Alleen bewerkers en beheerders/);
    assert.equal((await client.post(page, { format: 'pdf', language: 'nl' }, page)).statusCode, 403);
    const [first] = await t.db.select({ id: documentVersions.id }).from(documentVersions).limit(1);
    assert.equal((await client.get(`/o/GM0599/documents/${first?.id}`)).statusCode, 200);
  });

  it("never serves one municipality's document or scan to another", async () => {
    const { client } = await signedInAs(t, 'GM0503', 'admin', { name: 'Test admin' });
    const [first] = await t.db.select({ id: documentVersions.id }).from(documentVersions).limit(1);
    assert.equal((await client.get(`/o/GM0599/documents/${first?.id}`)).statusCode, 403);
    assert.equal((await client.get(`/o/GM0503/documents/${first?.id}`)).statusCode, 404);
    assert.equal((await client.get(`/o/GM0503/scans/${scanId}/documents`)).statusCode, 404);
    const list = await client.get('/o/GM0503/documents');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Er zijn nog geen documenten gemaakt/);
  });
});
