import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { memberships, oneTimeTokens } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, extractCsrf, TestClient, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';

async function roleOf(t: TestApp, userId: number, code: string) {
  const [row] = await t.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(eq(memberships.userId, userId), eq(memberships.organisationId, await organisationId(t.db, code))),
    );
  return row?.role;
}

describe('colleagues of an organisation', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('invites a colleague by mail, who sets a password and becomes a member', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    const response = await client.post(
      '/o/GM0599/members/invite',
      { email: 'Nieuwe.Collega@Rotterdam.example', role: 'editor' },
      '/o/GM0599/members',
    );
    assert.equal(response.headers.location, '/o/GM0599/members?notice=invite.sent');
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'nieuwe.collega@rotterdam.example'));
    assert.ok(mail);
    assert.match(mail.subject, /Uitnodiging voor Routekaart van Rotterdam/);
    const link = /http:\/\/routekaart\.test(\/invitation\/[\w-]+)/.exec(mail.textBody)?.[1];
    assert.ok(link);

    const colleague = new TestClient(t.app);
    const page = await colleague.get(link);
    assert.match(page.body, /als bewerker mee te werken aan de Routekaart van Rotterdam/);
    const missingName = await colleague.post(
      link,
      { name: '', password: 'een sterke zin van mij', confirmation: 'een sterke zin van mij' },
      link,
    );
    assert.equal(missingName.statusCode, 400);
    assert.match(missingName.body, /Vul naam in/);
    const accepted = await colleague.post(
      link,
      { name: 'Nieuwe Collega', password: 'een sterke zin van mij', confirmation: 'een sterke zin van mij' },
      link,
    );
    assert.equal(accepted.headers.location, '/dashboard?notice=invitation-accepted');
    const members = await client.get('/o/GM0599/members');
    assert.match(members.body, /Nieuwe Collega/);
    assert.equal((await new TestClient(t.app).get(link)).statusCode, 410, 'the link works once');
  });

  it('lets an existing account accept an invitation to a second organisation after signing in', async () => {
    const { client: admin } = await signedInAs(t, 'GM0518', 'admin');
    const { user, client } = await signedInAs(t, 'GM0599', 'viewer');
    await admin.post('/o/GM0518/members/invite', { email: user.email, role: 'viewer' }, '/o/GM0518/members');
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, user.email))
      .orderBy(desc(outbox.id));
    const link = /(\/invitation\/[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
    assert.ok(link);
    const accepted = await client.post(link, {}, link);
    assert.equal(accepted.statusCode, 303);
    assert.equal(await roleOf(t, user.id, 'GM0518'), 'viewer');
    const switcher = await client.get('/o/GM0518');
    assert.match(switcher.body, /id="org-switcher"/, 'two organisations: the switcher appears');
  });

  it('refuses an invitation for someone who is already a member, keeping the typed address', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    const { user } = await signedInAs(t, 'GM0599', 'viewer');
    const response = await client.post(
      '/o/GM0599/members/invite',
      { email: user.email, role: 'admin' },
      '/o/GM0599/members',
    );
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /is al lid van deze organisatie/);
    assert.match(response.body, new RegExp(`value="${user.email}"`));
  });

  it('revokes an open invitation once, and says so when it is no longer open', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    await client.post(
      '/o/GM0599/members/invite',
      { email: 'intrekken@rotterdam.example', role: 'viewer' },
      '/o/GM0599/members',
    );
    const [invitation] = await t.db
      .select({ id: oneTimeTokens.id })
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.email, 'intrekken@rotterdam.example'));
    assert.ok(invitation);
    const revoke = () =>
      client.post('/o/GM0599/invitations/revoke', { id: invitation.id }, '/o/GM0599/members');
    const first = await revoke();
    assert.equal(first.headers.location, '/o/GM0599/members?notice=pending.revoked');
    const second = await revoke();
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /staat niet meer open/);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'membership.invitation-revoked'));
    assert.equal(entries.length, 1, 'one revocation, one audit entry');
  });

  it('validates the invitation form per field', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'admin');
    const response = await client.post(
      '/o/GM0599/members/invite',
      { email: 'geen-adres', role: 'boss' },
      '/o/GM0599/members',
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Vul een geldig e-mailadres in/);
    assert.match(response.body, /Kies een waarde voor rol/);
  });

  it('changes a role, and reports a conflict with both values when someone changed it first', async () => {
    const { client: first } = await signedInAs(t, 'GM0503', 'admin');
    const { client: second } = await signedInAs(t, 'GM0503', 'admin');
    const { user } = await signedInAs(t, 'GM0503', 'viewer');
    const url = `/o/GM0503/members/${user.id}/role`;
    const ok = await first.post(url, { role: 'editor', expectedRole: 'viewer' }, '/o/GM0503/members');
    assert.equal(ok.headers.location, '/o/GM0503/members?notice=roleChanged');
    const stale = await second.post(url, { role: 'admin', expectedRole: 'viewer' }, '/o/GM0503/members');
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /intussen gewijzigd in bewerker\. U wilde beheerder/);
    assert.equal(await roleOf(t, user.id, 'GM0503'), 'editor');
  });

  it('never leaves an organisation without an administrator', async () => {
    const { user, client } = await signedInAs(t, 'GM0546', 'admin');
    const demote = await client.post(
      `/o/GM0546/members/${user.id}/role`,
      { role: 'viewer', expectedRole: 'admin' },
      '/o/GM0546/members',
    );
    assert.equal(demote.statusCode, 409);
    assert.match(demote.body, /laatste beheerder/);
    const remove = await client.post(`/o/GM0546/members/${user.id}/remove`, {}, '/o/GM0546/members');
    assert.equal(remove.statusCode, 409);
    assert.equal(await roleOf(t, user.id, 'GM0546'), 'admin');
  });

  it('asks for confirmation before removing a colleague, then removes and records it', async () => {
    const { user: admin, client } = await signedInAs(t, 'GM0637', 'admin');
    const { user } = await signedInAs(t, 'GM0637', 'editor');
    const confirm = await client.get(`/o/GM0637/members/${user.id}/remove`);
    assert.match(confirm.body, /verliest direct de toegang/);
    const removed = await client.request('POST', `/o/GM0637/members/${user.id}/remove`, {
      _csrf: extractCsrf(confirm.body),
    });
    assert.equal(removed.headers.location, '/o/GM0637/members?notice=removed');
    assert.equal(await roleOf(t, user.id, 'GM0637'), undefined);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'membership.removed'))
      .orderBy(desc(auditLog.id));
    assert.equal(entry?.actorUserId, admin.id);
  });

  it('shows members to a viewer without the controls to change them', async () => {
    const { client } = await signedInAs(t, 'GM0513', 'viewer');
    const page = await client.get('/o/GM0513/members');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Collega uitnodigen/);
    assert.doesNotMatch(page.body, /Rol opslaan/);
  });

  it("hides another municipality's members and refuses changes to them", async () => {
    const { user: rotterdammer } = await signedInAs(t, 'GM0599', 'editor');
    const { client: delft } = await signedInAs(t, 'GM0503', 'admin');
    const page = await delft.get('/o/GM0599/members');
    assert.equal(page.statusCode, 403);
    assert.doesNotMatch(page.body, new RegExp(rotterdammer.email));
    const change = await delft.post(`/o/GM0599/members/${rotterdammer.id}/role`, {
      role: 'admin',
      expectedRole: 'editor',
    });
    assert.equal(change.statusCode, 403);
    const remove = await delft.post(`/o/GM0599/members/${rotterdammer.id}/remove`);
    assert.equal(remove.statusCode, 403);
    assert.equal(await roleOf(t, rotterdammer.id, 'GM0599'), 'editor');
    const invite = await delft.post('/o/GM0599/members/invite', {
      email: 'spion@delft.example',
      role: 'admin',
    });
    assert.equal(invite.statusCode, 403);
    assert.equal(
      (await t.db.select().from(outbox).where(eq(outbox.recipient, 'spion@delft.example'))).length,
      0,
    );
  });

  it('lets the platform administrator manage any organisation', async () => {
    const admin = await createUser(t.db, { isPlatformAdmin: true });
    const client = new TestClient(t.app);
    await client.signIn(admin.email, testPassword);
    const page = await client.get('/o/GM1783/members');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Collega uitnodigen/);
  });
});
