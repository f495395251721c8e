import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { count, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { removeOldAuditEntries } from './audit.queries.ts';

/** Issue 15, item 9: who, when, what, from where; append-only; read, filtered and exported. */
describe('the audit trail', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const latest = async (action: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)))[0];

  it('records sign-in, failed sign-in and a role change with who and from where', async () => {
    const colleague = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    await t.app.inject({ method: 'GET', url: '/login' });
    const client = new TestClient(t.app);
    await client.post('/login', { email: colleague.email, password: 'not the password at all' });
    assert.equal((await latest('sign-in.failed'))?.actorUserId, colleague.id);
    await client.signIn(colleague.email, testPassword);
    const signIn = await latest('sign-in');
    assert.equal(signIn?.actorUserId, colleague.id);
    assert.equal(signIn?.address, '127.0.0.1');
    const { client: admin, user } = await signedInAs(t, 'GM0599', 'admin');
    await admin.post(
      `/o/GM0599/members/${colleague.id}/role`,
      { role: 'editor', expectedRole: 'viewer' },
      '/o/GM0599/members',
    );
    const change = await latest('membership.role-changed');
    assert.equal(change?.actorUserId, user.id);
    assert.equal(change?.address, '127.0.0.1', 'the address comes from the request by itself');
  });

  /** Drizzle wraps the database's error; the trigger's message is in its cause. */
  const appendOnly = (error: unknown) =>
    error instanceof Error && /append-only/.test(`${error.message} ${String(error.cause)}`);

  it('refuses to change or remove recent entries, on either database', async () => {
    const [entry] = await t.db.select().from(auditLog).limit(1);
    assert.ok(entry);
    await assert.rejects(
      t.db.update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.id, entry.id)),
      appendOnly,
    );
    await assert.rejects(t.db.delete(auditLog).where(eq(auditLog.id, entry.id)), appendOnly);
    await assert.rejects(t.db.execute(sql`truncate audit_log`), appendOnly);
    assert.equal(
      (await t.db.select().from(auditLog).where(eq(auditLog.id, entry.id)))[0]?.action,
      entry.action,
    );
  });

  it("shows an organisation's administrators their trail, filtered, and exports it as CSV", async () => {
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    const page = await admin.get('/o/GM0599/audit?action=membership');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /membership\.role-changed/);
    assert.doesNotMatch(page.body, /<td[^>]*>\s*sign-in\s*<\/td>/, 'filtered to membership actions');
    const all = await admin.get('/o/GM0599/audit');
    assert.match(all.body, /sign-in\.failed/, "members' sign-ins are part of it");
    const bad = await admin.get('/o/GM0599/audit?from=gisteren');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul een datum in als 2026-03-31/);
    const csv = await admin.get('/o/GM0599/audit.csv?action=membership');
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['cache-control'], 'no-store');
    const rows: string[][] = parse(csv.body.replace(/^\uFEFF/, ''), { relax_column_count: true });
    assert.ok(rows.slice(1).every((r) => r[2]?.startsWith('membership.')));
    assert.ok(rows.length > 1);
    assert.equal((await latest('export.personal-data'))?.details.export, 'audit.csv');
  });

  it("keeps other organisations' entries out, and refuses editors", async () => {
    const { client: rotterdamEditor } = await signedInAs(t, 'GM0599', 'editor');
    assert.equal((await rotterdamEditor.get('/o/GM0599/audit')).statusCode, 403);
    const { client: delftAdmin } = await signedInAs(t, 'GM0503', 'admin');
    const delft = await delftAdmin.get('/o/GM0503/audit');
    assert.doesNotMatch(delft.body, /membership\.role-changed/);
  });

  it('shows the platform administrator the platform actions', async () => {
    const admin = await createUser(t.db, { isPlatformAdmin: true });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    const page = await client.get('/admin/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /sign-in/);
    assert.doesNotMatch(page.body, /membership\.role-changed/, 'organisation actions stay in their trail');
  });

  it('removes entries older than the retention period, and only those', async () => {
    await t.db.insert(auditLog).values([
      { actorUserId: null, action: 'old.entry', at: sql`now() - interval '25 months'` },
      { actorUserId: null, action: 'recent.entry', at: sql`now() - interval '2 months'` },
    ]);
    assert.equal(await removeOldAuditEntries(t.db, 24), 1);
    const left = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'recent.entry'));
    assert.equal(left[0]?.n, 1);
    assert.equal(
      (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'old.entry')))[0]?.n,
      0,
    );
  });
});
