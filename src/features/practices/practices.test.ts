import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { TestClient, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import {
  elfBytes,
  postPracticeForm,
  storePractice,
  tinyPdf,
  tinyPng,
  validFields,
} from './practices.fixtures.ts';
import { practices } from './practices.tables.ts';

function practiceIdOf(location: unknown): number {
  const match = /^\/knowledge\/practices\/(\d+)/.exec(String(location));
  if (!match?.[1]) throw new Error(`not a practice location: ${String(location)}`);
  return Number(match[1]);
}

describe('practices: writing, visibility and attachments', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('keeps a new practice a draft that only its own organisation sees, attachment included', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const colleague = await signedInAs(t, 'GM0599', 'viewer');
    const delft = await signedInAs(t, 'GM0503', 'admin');
    const response = await postPracticeForm(t, editor.client, '/o/GM0599/practices', validFields, [
      { name: 'attachments', filename: 'verslag.pdf', type: 'application/pdf', data: tinyPdf },
    ]);
    assert.equal(response.statusCode, 303, response.body);
    const id = practiceIdOf(response.headers.location);
    const [row] = await t.db.select().from(practices).where(eq(practices.id, id));
    assert.equal(row?.status, 'draft');
    const page = await colleague.client.get(`/knowledge/practices/${id}`);
    assert.equal(page.statusCode, 200);
    const attachment = /href="(\/knowledge\/practices\/\d+\/attachments\/\d+)"/.exec(page.body)?.[1];
    assert.ok(attachment, 'the page links the attachment');
    assert.equal((await colleague.client.get(attachment)).statusCode, 200);
    assert.equal((await delft.client.get(`/knowledge/practices/${id}`)).statusCode, 404);
    assert.equal((await delft.client.get(attachment)).statusCode, 404);
    assert.equal((await new TestClient(t.app).get(`/knowledge/practices/${id}`)).statusCode, 404);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'practice.create'));
    assert.ok(audits.some((a) => a.details.practiceId === id));
  });

  it('shows a network-published practice to members of a shared network only, never signed out', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const id = await storePractice(t.db, 'GM0599', editor.user.id, { title: 'Netwerkvoorbeeld' }, 'network');
    const delft = await signedInAs(t, 'GM0503', 'viewer');
    const province = await signedInAs(t, 'PV28', 'viewer');
    const amsterdam = await signedInAs(t, 'GM0363', 'admin');
    assert.equal((await delft.client.get(`/knowledge/practices/${id}`)).statusCode, 200);
    assert.equal((await province.client.get(`/knowledge/practices/${id}`)).statusCode, 200);
    assert.equal((await amsterdam.client.get(`/knowledge/practices/${id}`)).statusCode, 404);
    assert.equal((await new TestClient(t.app).get(`/knowledge/practices/${id}`)).statusCode, 404);
  });

  it('shows a public practice to everyone', async () => {
    const editor = await signedInAs(t, 'GM0518', 'editor');
    const id = await storePractice(t.db, 'GM0518', editor.user.id, { title: 'Openbaar voorbeeld' }, 'public');
    const response = await new TestClient(t.app).get(`/knowledge/practices/${id}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Openbaar voorbeeld/);
    assert.doesNotMatch(response.body, /\/withdraw"/, 'visitors get no editor actions');
  });

  it('publishes to the network, then withdraws only after a confirmation page', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const delft = await signedInAs(t, 'GM0503', 'viewer');
    const id = await storePractice(t.db, 'GM0599', editor.user.id, { title: 'Intrekken' }, 'draft');
    const published = await editor.client.post(`/o/GM0599/practices/${id}/publish`, { audience: 'network' });
    assert.equal(published.statusCode, 303);
    assert.equal((await delft.client.get(`/knowledge/practices/${id}`)).statusCode, 200);
    const confirm = await editor.client.get(`/o/GM0599/practices/${id}/withdraw`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Weet u zeker dat u “Intrekken” wilt intrekken\?/);
    assert.match(confirm.body, new RegExp(`action="/o/GM0599/practices/${id}/withdraw"`));
    const withdrawn = await editor.client.post(`/o/GM0599/practices/${id}/withdraw`);
    assert.equal(withdrawn.statusCode, 303);
    assert.equal((await delft.client.get(`/knowledge/practices/${id}`)).statusCode, 404);
    assert.equal((await editor.client.get(`/knowledge/practices/${id}`)).statusCode, 200);
  });

  it("refuses another organisation's editor to publish, withdraw or edit a practice", async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const delft = await signedInAs(t, 'GM0503', 'editor');
    const id = await storePractice(t.db, 'GM0599', editor.user.id, { title: 'Niet van Delft' }, 'draft');
    // Through Delft's own scope the practice does not exist; through Rotterdam's, Delft has no role.
    assert.equal(
      (await delft.client.post(`/o/GM0503/practices/${id}/publish`, { audience: 'public' })).statusCode,
      404,
    );
    assert.equal((await delft.client.post(`/o/GM0599/practices/${id}/withdraw`)).statusCode, 403);
    assert.equal((await delft.client.get(`/o/GM0503/practices/${id}/edit`)).statusCode, 404);
    const [row] = await t.db.select().from(practices).where(eq(practices.id, id));
    assert.equal(row?.status, 'draft');
  });

  it('lets viewers read their organisation’s practices but not write them', async () => {
    const viewer = await signedInAs(t, 'GM0599', 'viewer');
    assert.equal((await viewer.client.get('/o/GM0599/practices')).statusCode, 200);
    assert.equal((await viewer.client.get('/o/GM0599/practices/new')).statusCode, 403);
    const response = await postPracticeForm(t, viewer.client, '/o/GM0599/practices', validFields);
    assert.equal(response.statusCode, 403);
  });

  it('refuses eleven attachments or an over-long description with the limit, keeping the typed text', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      name: 'attachments',
      filename: `foto-${i}.png`,
      type: 'image/png',
      data: tinyPng,
    }));
    const many = await postPracticeForm(
      t,
      editor.client,
      '/o/GM0599/practices',
      { ...validFields, title: 'Elf bijlagen' },
      eleven,
    );
    assert.equal(many.statusCode, 422);
    assert.match(many.body, /hooguit 10 bijlagen/);
    assert.match(many.body, /value="Elf bijlagen"/);
    const long = await postPracticeForm(t, editor.client, '/o/GM0599/practices', {
      ...validFields,
      title: 'Lange beschrijving',
      body: 'x'.repeat(20_001),
    });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /Beschrijving mag maximaal 20\.000 tekens hebben/);
    assert.match(long.body, /value="Lange beschrijving"/);
    const stored = await t.db.select().from(practices).where(eq(practices.title, 'Elf bijlagen'));
    assert.equal(stored.length, 0);
  });

  it('refuses a renamed executable as attachment and keeps what the editor typed', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const response = await postPracticeForm(
      t,
      editor.client,
      '/o/GM0599/practices',
      { ...validFields, title: 'Mijn getypte titel' },
      [{ name: 'attachments', filename: 'rapport.pdf', type: 'application/pdf', data: elfBytes }],
    );
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Bijlage “rapport.pdf” is geen PDF of afbeelding/);
    assert.match(response.body, /value="Mijn getypte titel"/);
    assert.match(response.body, /Begin klein\./);
    assert.match(response.body, /Kies de bijlagen opnieuw/);
  });

  it('refuses an attachment larger than 10 MB', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const big = Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const response = await postPracticeForm(t, editor.client, '/o/GM0599/practices', validFields, [
      { name: 'attachments', filename: 'groot.png', type: 'image/png', data: big },
    ]);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Bijlage “groot.png” is groter dan 10 MB/);
  });

  it('serves an attachment with its detected type, a Content-Disposition and nosniff', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const response = await postPracticeForm(t, editor.client, '/o/GM0599/practices', validFields, [
      { name: 'attachments', filename: 'kaart.txt', type: 'text/html', data: tinyPng },
    ]);
    assert.equal(response.statusCode, 303, response.body);
    const id = practiceIdOf(response.headers.location);
    await editor.client.post(`/o/GM0599/practices/${id}/publish`, { audience: 'public' });
    const page = await new TestClient(t.app).get(`/knowledge/practices/${id}`);
    const url = /href="(\/knowledge\/practices\/\d+\/attachments\/\d+)"/.exec(page.body)?.[1];
    assert.ok(url);
    const file = await new TestClient(t.app).get(url);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['content-disposition']), /^inline; filename="kaart.txt"/);
    assert.deepEqual(file.rawPayload, tinyPng);
  });

  it('names the missing fields in Dutch and keeps the typed text', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const response = await postPracticeForm(t, editor.client, '/o/GM0599/practices', {
      ...validFields,
      title: '',
      themes: [],
      periodEnd: '1999',
      links: 'geen link',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Vul titel in\./);
    assert.match(response.body, /Kies ten minste één thema/);
    assert.match(response.body, /Vul bij eindjaar een jaartal in tussen 2000 en 2100/);
    assert.match(response.body, /Regel 1 bij links is geen geldige http\(s\)-link/);
    assert.match(response.body, /Wij meten hittestress in de wijken\./);
  });

  it('names only a member who agreed as contact person, and stops showing them when they withdraw', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const colleague = await signedInAs(t, 'GM0599', 'viewer');
    const fields = { ...validFields, contact: String(colleague.user.id) };
    const refused = await postPracticeForm(t, editor.client, '/o/GM0599/practices', fields);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Kies bij contactpersoon een collega die heeft ingestemd/);
    assert.equal(
      (await colleague.client.post('/knowledge/contact', { consent: 'yes' }, '/knowledge/contact'))
        .statusCode,
      303,
    );
    const form = await editor.client.get('/o/GM0599/practices/new');
    assert.match(form.body, new RegExp(`value="${colleague.user.id}"`));
    const created = await postPracticeForm(t, editor.client, '/o/GM0599/practices', fields);
    assert.equal(created.statusCode, 303, created.body);
    const id = practiceIdOf(created.headers.location);
    assert.match(
      (await editor.client.get(`/knowledge/practices/${id}`)).body,
      new RegExp(colleague.user.email),
    );
    await colleague.client.post('/knowledge/contact', {}, '/knowledge/contact');
    assert.doesNotMatch(
      (await editor.client.get(`/knowledge/practices/${id}`)).body,
      new RegExp(colleague.user.email),
    );
  });

  it('shows both values when someone else saved the practice first', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const other = await signedInAs(t, 'GM0599', 'editor');
    const id = await storePractice(t.db, 'GM0599', editor.user.id, { title: 'Oorspronkelijk' }, 'draft');
    const first = await postPracticeForm(t, other.client, `/o/GM0599/practices/${id}`, {
      ...validFields,
      title: 'Titel van de collega',
      version: '1',
    });
    assert.equal(first.statusCode, 303, first.body);
    const second = await postPracticeForm(t, editor.client, `/o/GM0599/practices/${id}`, {
      ...validFields,
      title: 'Mijn titel',
      version: '1',
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Titel van de collega/);
    assert.match(second.body, /value="Mijn titel"/);
    assert.match(second.body, /name="version" value="2"/);
  });

  it('removes a ticked attachment on save and keeps the others', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const created = await postPracticeForm(t, editor.client, '/o/GM0599/practices', validFields, [
      { name: 'attachments', filename: 'een.pdf', type: 'application/pdf', data: tinyPdf },
      { name: 'attachments', filename: 'twee.png', type: 'image/png', data: tinyPng },
    ]);
    assert.equal(created.statusCode, 303, created.body);
    const id = practiceIdOf(created.headers.location);
    const form = await editor.client.get(`/o/GM0599/practices/${id}/edit`);
    const first = /name="removeAttachments"\s+value="(\d+)"/.exec(form.body)?.[1];
    assert.ok(first, 'the edit form lists the attachments');
    const saved = await postPracticeForm(t, editor.client, `/o/GM0599/practices/${id}`, {
      ...validFields,
      version: '1',
      removeAttachments: [first],
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const page = await editor.client.get(`/knowledge/practices/${id}`);
    assert.doesNotMatch(page.body, /een\.pdf/);
    assert.match(page.body, /twee\.png/);
  });

  it('renders the Markdown body without letting HTML through', async () => {
    const editor = await signedInAs(t, 'GM0599', 'editor');
    const id = await storePractice(
      t.db,
      'GM0599',
      editor.user.id,
      { title: 'Opmaak', body: '**vet** <script>alert(1)</script> [x](javascript:alert(1))' },
      'public',
    );
    const page = await new TestClient(t.app).get(`/knowledge/practices/${id}`);
    assert.match(page.body, /<strong>vet<\/strong>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /href="javascript:/);
  });
});
