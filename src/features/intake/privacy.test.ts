import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { retentionJobName } from './intake.jobs.ts';
import { brigadeCases, guideRequests } from './intake.tables.ts';

async function addRequest(t: TestApp, email: string, expiredMonthsAgo: number) {
  const [row] = await t.db
    .insert(guideRequests)
    .values({
      name: 'Pieter Post',
      email,
      role: 'Adviseur',
      purpose: 'Studie',
      tokenHash: `hash-${email}`,
      tokenExpiresAt: sql`now() - make_interval(months => ${expiredMonthsAgo})`,
    })
    .returning();
  assert.ok(row);
  return row.id;
}

async function addCase(t: TestApp, email: string, closedMonthsAgo: number | null) {
  const [row] = await t.db
    .insert(brigadeCases)
    .values({
      organisationId: await organisationId(t.db, 'GM0513'),
      contactName: 'Sanne Hendriks',
      contactEmail: email,
      contactPhone: '0182 000 000',
      category: 'agenda',
      description: 'Connectiviteit op de agenda',
      urgency: 'low',
      contactPreference: 'email',
      status: closedMonthsAgo === null ? 'in_progress' : 'closed',
      closedAt: closedMonthsAgo === null ? null : sql`now() - make_interval(months => ${closedMonthsAgo})`,
    })
    .returning();
  assert.ok(row);
  return row.id;
}

describe('retention of personal data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { INTAKE_RETENTION_MONTHS: '12' } });
  });
  after(() => t.close());

  it('defaults to 24 months and refuses a nonsensical period at start', () => {
    assert.equal(loadConfig({}).intakeRetentionMonths, 24);
    assert.equal(t.config.intakeRetentionMonths, 12);
    assert.throws(() => loadConfig({ INTAKE_RETENTION_MONTHS: '0' }), /INTAKE_RETENTION_MONTHS/);
    assert.throws(() => loadConfig({ INTAKE_RETENTION_MONTHS: 'twee jaar' }), /INTAKE_RETENTION_MONTHS/);
  });

  it('the scheduled job removes personal data of requests closed longer than the period, and keeps the rest', async () => {
    const old = await addRequest(t, 'oud@gouda.example', 13);
    const recent = await addRequest(t, 'recent@gouda.example', 2);
    const oldCase = await addCase(t, 'oudcase@gouda.example', 13);
    const openCase = await addCase(t, 'open@gouda.example', null);
    const job = t.app.jobs.find((j) => j.name === retentionJobName);
    assert.ok(job, 'the retention job is registered');
    await job.run();

    const [gone] = await t.db.select().from(guideRequests).where(eq(guideRequests.id, old));
    assert.equal(gone?.email, null);
    assert.equal(gone?.name, null);
    assert.equal(gone?.purpose, null);
    assert.ok(gone?.anonymisedAt);
    const [kept] = await t.db.select().from(guideRequests).where(eq(guideRequests.id, recent));
    assert.equal(kept?.email, 'recent@gouda.example');
    const [closed] = await t.db.select().from(brigadeCases).where(eq(brigadeCases.id, oldCase));
    assert.equal(closed?.contactEmail, null);
    assert.equal(closed?.contactPhone, null);
    assert.equal(closed?.description, 'Connectiviteit op de agenda', 'the substance of the case stays');
    const [open] = await t.db.select().from(brigadeCases).where(eq(brigadeCases.id, openCase));
    assert.equal(open?.contactEmail, 'open@gouda.example', 'an open question keeps its contact');

    const again = await job.run();
    assert.deepEqual(
      again,
      { requests: 0, cases: 0, counters: 0 },
      'a second run finds nothing: it is idempotent',
    );
  });
});

describe("exporting and deleting a requester's data on request", () => {
  let t: TestApp;
  let staff: TestClient;
  before(async () => {
    t = await createTestApp();
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
  });
  after(() => t.close());

  it('exports everything held about an address as JSON, then deletes it after confirmation', async () => {
    await addRequest(t, 'vraagt@gouda.example', -1);
    await addCase(t, 'Vraagt@gouda.example', null);
    const page = await staff.get('/networks/zuid-holland/intake/personal-data?email=vraagt%40gouda.example');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ja, verwijder de gegevens/);
    const json = await staff.get(
      '/networks/zuid-holland/intake/personal-data.json?email=vraagt%40gouda.example',
    );
    assert.equal(json.statusCode, 200);
    const data: unknown = JSON.parse(json.body);
    assert.ok(
      typeof data === 'object' && data !== null && 'guideRequests' in data && 'brigadeQuestions' in data,
    );
    assert.equal(Array.isArray(data.guideRequests) && data.guideRequests.length, 1);
    assert.equal(Array.isArray(data.brigadeQuestions) && data.brigadeQuestions.length, 1);
    assert.match(json.body, /0182 000 000/);

    const deleted = await staff.post('/networks/zuid-holland/intake/personal-data/delete', {
      email: 'vraagt@gouda.example',
    });
    assert.equal(deleted.statusCode, 303);
    const after = await staff.get(
      '/networks/zuid-holland/intake/personal-data.json?email=vraagt%40gouda.example',
    );
    assert.doesNotMatch(after.body, /Sanne|Pieter|0182/);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'intake.personal-data-deleted'));
    assert.equal(audit.length, 1);
    assert.doesNotMatch(
      JSON.stringify(audit[0]?.details),
      /gouda\.example/,
      'the audit record keeps no address',
    );
  });

  it('refuses the export to an organisation administrator', async () => {
    const admin = await createUser(t.db, { memberOf: { GM0513: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    assert.equal(
      (await client.get('/networks/zuid-holland/intake/personal-data.json?email=vraagt%40gouda.example'))
        .statusCode,
      403,
    );
  });
});
