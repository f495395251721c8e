import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { freshAddress, postFrom, stampFrom, validBrigadeForm } from './intake.fixtures.ts';
import { brigadeCases } from './intake.tables.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const question = {
  contactName: 'Noor Bakker',
  contactEmail: 'noor.bakker@rotterdam.example',
  contactPhone: '010 123 4567',
  category: 'antenna',
  description: 'Antennebeleid herzien voor small cells.',
  urgency: 'normal',
  contactPreference: 'meeting',
};

describe('the Connectiviteit Brigade case workflow', () => {
  let t: TestApp;
  let municipality: TestClient;
  let staff: TestClient;
  let caseId: number;
  const caseUrl = () => `/networks/zuid-holland/brigade/${caseId}`;

  before(async () => {
    t = await createTestApp();
    const noor = await createUser(t.db, { name: 'Noor Bakker', memberOf: { GM0599: 'editor' } });
    const anouk = await createUser(t.db, {
      name: 'Anouk Vermeulen',
      email: 'anouk.vermeulen@pzh.example',
      coordinates: ['zuid-holland'],
    });
    await createUser(t.db, {
      name: 'Mrdh Coördinator',
      email: 'coordinator@mrdh.example',
      coordinates: ['mrdh'],
    });
    municipality = new TestClient(t.app);
    await municipality.signIn(noor.email, testPassword);
    staff = new TestClient(t.app);
    await staff.signIn(anouk.email, testPassword);
  });
  after(() => t.close());

  const mailsTo = (to: string) =>
    t.db.select().from(outbox).where(eq(outbox.recipient, to)).orderBy(desc(outbox.id));
  const move = (to: string, expectedStatus: string, extra: Record<string, string> = {}) =>
    staff.post(`${caseUrl()}/status`, { to, expectedStatus, ...extra }, caseUrl());

  it('a signed-in municipal user submits a question, which is stored first and confirmed by mail', async () => {
    const response = await municipality.post('/o/GM0599/brigade', question, '/o/GM0599/brigade/new');
    assert.equal(response.statusCode, 303);
    const [stored] = await t.db.select().from(brigadeCases).orderBy(desc(brigadeCases.id)).limit(1);
    assert.ok(stored);
    caseId = stored.id;
    assert.equal(stored.status, 'new');
    const [mail] = await mailsTo(question.contactEmail);
    assert.match(mail?.subject ?? '', /ontvangen/);
    const list = await municipality.get('/o/GM0599/brigade');
    assert.match(squash(list.body), new RegExp(`Vraag ${caseId}`));
  });

  it("tells the intake network's coordinators of the new question, with a link to it, and no one else", async () => {
    const [notice] = await mailsTo('anouk.vermeulen@pzh.example');
    assert.equal(notice?.subject, `Nieuwe vraag voor de Connectiviteit Brigade: Rotterdam (nr. ${caseId})`);
    assert.match(notice?.textBody ?? '', /Urgentie: Binnen enkele weken/);
    assert.ok(notice?.textBody.includes(`${t.config.publicUrl}${caseUrl()}`), 'the mail links to the case');
    assert.equal((await mailsTo('coordinator@mrdh.example')).length, 0, 'another network hears nothing');
  });

  it('the coordinator takes the question through every state; each change is on the timeline and mailed to the municipality', async () => {
    assert.equal((await move('intake', 'new')).statusCode, 303);
    assert.equal((await move('assignment', 'intake')).statusCode, 303);
    const tooEarly = await move('experts', 'assignment');
    assert.equal(tooEarly.statusCode, 422, 'experts need an assignment description first');
    assert.match(squash(tooEarly.body), /opdrachtbeschrijving/);
    const saved = await staff.post(
      `${caseUrl()}/assignment`,
      { assignment: '## Doel\n\nNieuw antennebeleid.', expectedVersion: '0' },
      caseUrl(),
    );
    assert.equal(saved.statusCode, 303);
    assert.equal((await move('experts', 'assignment')).statusCode, 303);
    assert.equal((await move('in_progress', 'experts')).statusCode, 303);
    const noOutcome = await move('closed', 'in_progress');
    assert.equal(noOutcome.statusCode, 422);
    assert.match(squash(noOutcome.body), /uitkomst/);
    assert.equal(
      (await move('closed', 'in_progress', { outcome: 'Beleid vastgesteld door het college.' })).statusCode,
      303,
    );

    const subjects = (await mailsTo(question.contactEmail)).map((m) => m.subject);
    for (const status of [
      'Intake',
      'Opdrachtbeschrijving',
      'Experts toegewezen',
      'In behandeling',
      'Afgerond',
    ]) {
      assert.ok(
        subjects.some((s) => s.endsWith(status)),
        `a mail for "${status}" in ${subjects.join(' | ')}`,
      );
    }
    const page = squash((await staff.get(caseUrl())).body);
    assert.match(page, /Status van &quot;In behandeling&quot; naar &quot;Afgerond&quot;/);
    assert.match(page, /Anouk Vermeulen/);

    const seen = squash((await municipality.get(`/o/GM0599/brigade/${caseId}`)).body);
    assert.match(seen, /Afgerond/);
    assert.match(seen, /Nieuw antennebeleid/);
    assert.match(seen, /Beleid vastgesteld door het college/);
  });

  it('promises no response time the Brigade does not state', async () => {
    const form = squash((await municipality.get('/o/GM0599/brigade/new')).body);
    assert.match(form, /value="normal"/);
    assert.doesNotMatch(form, /value="high"|binnen een week|twee weken/);
    const refused = await municipality.post(
      '/o/GM0599/brigade',
      { ...question, urgency: 'high' },
      '/o/GM0599/brigade/new',
    );
    assert.equal(refused.statusCode, 400, 'the urgent option is no longer offered');
    assert.match(squash(refused.body), /Kies hoe dringend uw vraag is/);
    const confirmations = await mailsTo(question.contactEmail);
    assert.ok(confirmations.length > 0);
    for (const mail of confirmations) assert.doesNotMatch(mail.textBody, /twee weken|binnen een week/);
  });

  it('still shows the urgency of a question submitted as urgent before the option went', async () => {
    await t.db.update(brigadeCases).set({ urgency: 'high' }).where(eq(brigadeCases.id, caseId));
    const page = squash((await staff.get(caseUrl())).body);
    assert.match(page, /Urgentie<\/dt> <dd>Dringend<\/dd>/);
    await t.db.update(brigadeCases).set({ urgency: 'normal' }).where(eq(brigadeCases.id, caseId));
  });

  it('refuses a status change based on a stale page, naming both statuses', async () => {
    const response = await move('intake', 'new');
    assert.equal(response.statusCode, 409);
    assert.match(squash(response.body), /intussen gewijzigd naar &quot;Afgerond&quot;/);
  });

  it('exports a closed outcome as Markdown without personal data', async () => {
    const response = await staff.get(`${caseUrl()}/outcome.md`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/markdown/);
    assert.match(response.body, /^# Uitkomst vraag \d+/);
    assert.match(response.body, /Beleid vastgesteld/);
    assert.ok(!response.body.includes(question.contactEmail));
  });
});

describe('assignment descriptions, notes and advisory days', () => {
  let t: TestApp;
  let staff: TestClient;
  let municipality: TestClient;
  let caseUrl: string;
  let caseId: number;

  before(async () => {
    t = await createTestApp();
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    const member = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    municipality = new TestClient(t.app);
    await municipality.signIn(member.email, testPassword);
    const [row] = await t.db
      .insert(brigadeCases)
      .values({
        organisationId: await organisationId(t.db, 'GM0599'),
        contactName: 'X',
        contactEmail: 'x@rotterdam.example',
        category: 'fibre',
        description: 'Glasvezel',
        urgency: 'low',
        contactPreference: 'email',
      })
      .returning();
    assert.ok(row);
    caseId = row.id;
    caseUrl = `/networks/zuid-holland/brigade/${caseId}`;
  });
  after(() => t.close());

  it('keeps every version of the assignment description and shows both texts on a conflicting save', async () => {
    assert.equal(
      (await staff.post(`${caseUrl}/assignment`, { assignment: 'Versie een', expectedVersion: '0' }, caseUrl))
        .statusCode,
      303,
    );
    assert.equal(
      (
        await staff.post(
          `${caseUrl}/assignment`,
          { assignment: 'Versie twee', expectedVersion: '1' },
          caseUrl,
        )
      ).statusCode,
      303,
    );
    const conflict = await staff.post(
      `${caseUrl}/assignment`,
      { assignment: 'Mijn oude bewerking', expectedVersion: '1' },
      caseUrl,
    );
    assert.equal(conflict.statusCode, 409);
    const body = squash(conflict.body);
    assert.match(body, /Versie twee/);
    assert.match(body, /Mijn oude bewerking/);
    assert.match(body, /Versies: 2 \(/);
  });

  it('warns at 8 advisory days and refuses more than 10 without a recorded reason', async () => {
    const log = (amount: string, unit: string, overrunReason = '') =>
      staff.post(
        `${caseUrl}/days`,
        {
          workDate: '2026-10-01',
          person: 'Adviseur',
          amount,
          unit,
          description: 'Werksessie',
          overrunReason,
        },
        caseUrl,
      );
    assert.equal((await log('7', 'days')).statusCode, 303);
    assert.doesNotMatch(squash((await staff.get(caseUrl)).body), /Let op/);
    assert.equal((await log('8', 'hours')).statusCode, 303);
    const warned = squash((await staff.get(caseUrl)).body);
    assert.match(warned, /Adviesbureau: 8,0 van 10 dagen/);
    assert.match(warned, /Let op: 8,0 van de 10 adviesdagen/);
    assert.equal((await log('2', 'days')).statusCode, 303, 'exactly 10 days needs no reason');
    const refused = await log('4', 'hours');
    assert.equal(refused.statusCode, 422);
    assert.match(squash(refused.body), /boven het budget van 10 dagen/);
    assert.match(squash(refused.body), /value="Adviseur"/, 'the typed entry is kept');
    assert.equal(
      (await log('4', 'hours', 'Extra raadsbijeenkomst op verzoek van de wethouder')).statusCode,
      303,
    );
    const page = squash((await staff.get(caseUrl)).body);
    assert.match(page, /Adviesbureau: 10,5 van 10 dagen/);
    assert.match(page, /Extra raadsbijeenkomst op verzoek van de wethouder/);
    const expert = await staff.post(
      `${caseUrl}/days`,
      {
        workDate: '2026-10-02',
        person: 'Expert provincie',
        party: 'expert',
        amount: '3',
        unit: 'days',
        description: 'Antennebeleid doorgenomen',
        overrunReason: '',
      },
      caseUrl,
    );
    assert.equal(expert.statusCode, 303, "the experts' time needs no reason: only the firm is capped");
    const after = squash((await staff.get(caseUrl)).body);
    assert.match(after, /Adviesbureau: 10,5 van 10 dagen/, "the experts' days stay out of the firm's budget");
    assert.match(after, /experts van de Brigade \(telt niet mee voor de 10 dagen\): 3,0 dagen/);
    assert.match(
      page,
      /uur geboekt voor 1 oktober 2026 \(Adviseur\)/,
      'the timeline writes the day in words',
    );
    assert.match(
      page,
      /<input[^>]*name="workDate"[^>]*value=""/,
      'the date field is empty until a day is chosen',
    );
    assert.doesNotMatch(page, /\b\d{4}-\d{2}-\d{2}\b(?![^<]*")/, 'no ISO date in the text of the page');
  });

  it('never shows internal notes or advisory days to the municipality', async () => {
    assert.equal(
      (
        await staff.post(
          `${caseUrl}/notes`,
          { note: 'Wethouder is kritisch, voorzichtig benaderen' },
          caseUrl,
        )
      ).statusCode,
      303,
    );
    assert.match(squash((await staff.get(caseUrl)).body), /Wethouder is kritisch/);
    const seen = squash((await municipality.get(`/o/GM0599/brigade/${caseId}`)).body);
    assert.equal((await municipality.get(`/o/GM0599/brigade/${caseId}`)).statusCode, 200);
    assert.doesNotMatch(seen, /Wethouder is kritisch/);
    assert.doesNotMatch(seen, /Adviseur/);
    assert.doesNotMatch(seen, /raadsbijeenkomst/);
    assert.match(seen, /Versie twee/);
  });

  it('hides a question from another municipality entirely', async () => {
    const delft = await createUser(t.db, { memberOf: { GM0503: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(delft.email, testPassword);
    assert.equal((await client.get(`/o/GM0503/brigade/${caseId}`)).statusCode, 404);
    assert.doesNotMatch(squash((await client.get('/o/GM0503/brigade')).body), /Glasvezel/);
    assert.equal((await client.get(`/o/GM0599/brigade/${caseId}`)).statusCode, 403);
    assert.equal((await client.get('/o/GM0599/brigade')).statusCode, 403);
  });

  it('lets a viewer follow but not ask a question', async () => {
    assert.equal((await municipality.get('/o/GM0599/brigade/new')).statusCode, 403);
  });

  it('lists, filters, searches and exports questions as CSV for coordinators', async () => {
    const list = squash((await staff.get('/networks/zuid-holland/brigade?status=new&q=Glasvezel')).body);
    assert.match(list, new RegExp(`>${caseId}<`));
    const none = squash((await staff.get('/networks/zuid-holland/brigade?status=closed')).body);
    assert.match(none, /geen vragen die aan het filter voldoen/);
    const csv = await staff.get('/networks/zuid-holland/brigade.csv?q=Glasvezel');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /Rotterdam/);
    assert.match(csv.body, /10\.5/);
  });
});

describe('the public Brigade form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('stores a question for the chosen Zuid-Holland municipality and confirms by mail', async () => {
    const client = new TestClient(t.app);
    const response = await postFrom(
      client,
      t.app,
      '/brigade',
      { ...validBrigadeForm, ...stampFrom(t.app) },
      freshAddress(),
    );
    assert.equal(response.statusCode, 303);
    const [stored] = await t.db.select().from(brigadeCases);
    assert.equal(stored?.contactEmail, 'lotte.visser@delft.example');
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.recipient, 'lotte.visser@delft.example'));
    assert.ok(mail);
  });

  it('refuses a municipality outside Zuid-Holland and a filled honeypot, keeping the input', async () => {
    const client = new TestClient(t.app);
    const outside = await postFrom(
      client,
      t.app,
      '/brigade',
      { ...validBrigadeForm, municipality: 'GM0363', ...stampFrom(t.app) },
      freshAddress(),
    );
    assert.equal(outside.statusCode, 400);
    assert.match(squash(outside.body), /gemeente/i);
    const bot = await postFrom(
      client,
      t.app,
      '/brigade',
      { ...validBrigadeForm, website: 'x', ...stampFrom(t.app) },
      freshAddress(),
    );
    assert.equal(bot.statusCode, 400);
    assert.match(bot.body, /Bedrijventerrein zonder glasvezel/);
  });

  it('says in plain words what is missing, under a title that asks a question', async () => {
    const client = new TestClient(t.app);
    const empty = await postFrom(
      client,
      t.app,
      '/brigade',
      { municipality: '', contactName: '', contactEmail: '', description: '', ...stampFrom(t.app) },
      freshAddress(),
    );
    assert.equal(empty.statusCode, 400);
    const body = squash(empty.body);
    assert.match(body, /<h1[^>]*>Een vraag stellen aan de Connectiviteit Brigade<\/h1>/);
    for (const message of [
      'Kies de gemeente waarvoor u de vraag stelt.',
      'Vul de naam van de contactpersoon in.',
      'Kies waarover uw vraag gaat.',
      'Beschrijf uw vraag.',
      'Kies hoe dringend uw vraag is.',
      'Kies hoe u benaderd wilt worden.',
      'Geef toestemming voor de verwerking van uw gegevens, zodat de coördinatoren uw vraag kunnen behandelen.',
    ])
      assert.ok(body.includes(message), message);
    assert.doesNotMatch(body, /Kies een waarde voor|\?\.|handreiking te ontvangen/);
  });
});
