import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { sharingModesOf } from './sharing.queries.ts';
import { sharingSettings, type SharingMode } from './sharing.tables.ts';

async function person(t: TestApp, code: string, role: Role, name?: string) {
  const user = await createUser(t.db, { memberOf: { [code]: role }, ...(name ? { name } : {}) });
  const client = new TestClient(t.app);
  await client.signIn(user.email, testPassword);
  return { user, client };
}

async function setSharing(db: Db, code: string, mode: SharingMode): Promise<void> {
  await db.insert(sharingSettings).values({ organisationId: await organisationId(db, code), mode });
}

describe('sharing settings', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('reads many organisations’ choices at once, the default for those that never chose', async () => {
    const zoetermeer = await organisationId(t.db, 'GM0637');
    const westland = await organisationId(t.db, 'GM1783');
    const gouda = await organisationId(t.db, 'GM0513');
    await setSharing(t.db, 'GM0637', 'named');
    await setSharing(t.db, 'GM1783', 'not-shared');
    const modes = await sharingModesOf(t.db, [zoetermeer, westland, gouda]);
    assert.deepEqual(
      [zoetermeer, westland, gouda].map((id) => modes.get(id)),
      ['named', 'not-shared', 'aggregated'],
    );
    assert.equal((await sharingModesOf(t.db, [])).size, 0);
  });

  it('lets an administrator change the choice, and records who and when', async () => {
    const { user, client } = await person(t, 'GM0599', 'admin', 'Noor Bakker');
    const form = await client.get('/o/GM0599/sharing');
    assert.match(form.body, /value="aggregated"\s+checked/);
    assert.match(form.body, /Nog nooit gewijzigd/);
    const saved = await client.post('/o/GM0599/sharing', { mode: 'named' }, '/o/GM0599/sharing');
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/o/GM0599/sharing?notice=saved');
    const id = await organisationId(t.db, 'GM0599');
    const [row] = await t.db.select().from(sharingSettings).where(eq(sharingSettings.organisationId, id));
    assert.equal(row?.mode, 'named');
    assert.equal(row?.updatedByUserId, user.id);
    assert.ok(row && Date.now() - row.updatedAt.getTime() < 60_000);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sharing.changed'), eq(auditLog.organisationId, id)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actorUserId, user.id);
    assert.deepEqual(audit[0]?.details, { mode: 'named' });
    const page = await client.get(String(saved.headers.location));
    assert.match(page.body, /Uw keuze is opgeslagen/);
    assert.match(page.body, /value="named"\s+checked/);
    assert.match(page.body, /Gewijzigd door Noor Bakker op/);
  });

  it('shows the choice read-only to others and refuses their changes', async () => {
    const { client: viewer } = await person(t, 'GM0518', 'viewer');
    const page = await viewer.get('/o/GM0518/sharing');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /type="radio"/);
    assert.match(page.body, /Geaggregeerd \(standaard\)/);
    assert.match(page.body, /Alleen een beheerder van Den Haag kan deze keuze wijzigen/);
    const { client: editor } = await person(t, 'GM0518', 'editor');
    const refused = await editor.post('/o/GM0518/sharing', { mode: 'not-shared' }, '/o/GM0518/sharing');
    assert.equal(refused.statusCode, 403);
    const id = await organisationId(t.db, 'GM0518');
    assert.equal(
      (await t.db.select().from(sharingSettings).where(eq(sharingSettings.organisationId, id))).length,
      0,
    );
  });

  it('refuses an unknown mode with a message at the field', async () => {
    const { client } = await person(t, 'GM0503', 'admin');
    const response = await client.post('/o/GM0503/sharing', { mode: 'everyone' }, '/o/GM0503/sharing');
    assert.equal(response.statusCode, 400);
    assert.match(
      response.body,
      /utrecht-form-field-error-message[^>]*>[\s\S]*Kies een van de drie manieren van delen/,
    );
    assert.match(response.body, /Er is 1 fout in het formulier/);
    const id = await organisationId(t.db, 'GM0503');
    assert.equal(
      (await t.db.select().from(sharingSettings).where(eq(sharingSettings.organisationId, id))).length,
      0,
    );
  });
});
