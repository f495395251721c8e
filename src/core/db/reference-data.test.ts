import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import { openTestDatabase } from '../../testing/test-database.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { memberships } from '../auth/auth.tables.ts';
import type { Database, Db } from './database.ts';
import { appSettings, networkMembers, networks, organisations } from './core.tables.ts';
import { loadReferenceData, mrdhCode, networkCodes, zuidHollandCode } from './reference-data.ts';

async function countKind(db: Db, kind: 'municipality' | 'province' | 'region'): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations).where(eq(organisations.kind, kind));
  return row?.n ?? 0;
}

async function network(db: Db, code: string) {
  const [row] = await db
    .select({ id: networks.id, coordinator: organisations.code })
    .from(networks)
    .innerJoin(organisations, eq(organisations.id, networks.coordinatorOrganisationId))
    .where(eq(networks.code, code));
  assert.ok(row, `no network ${code}`);
  return row;
}

async function memberCodes(db: Db, networkCode: string): Promise<string[]> {
  const rows = await db
    .select({ code: organisations.code })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(eq(networks.code, networkCode));
  return rows.map((r) => r.code).sort();
}

async function organisation(db: Db, code: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.code, code));
  assert.ok(row, `no organisation ${code}`);
  return row;
}

/** Everything the loader writes, in a form that compares equal when nothing changed. */
async function snapshot(db: Db) {
  const orgs = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      kind: organisations.kind,
      name: organisations.name,
      displayName: organisations.displayName,
      provinceCode: organisations.provinceCode,
    })
    .from(organisations)
    .orderBy(organisations.code);
  const nets = await db.select().from(networks).orderBy(networks.code);
  const members = await db
    .select()
    .from(networkMembers)
    .orderBy(networkMembers.networkId, networkMembers.organisationId);
  return { orgs, nets, members };
}

describe('reference data: municipalities, provinces, MRDH and the two networks', () => {
  let database: Database;
  let db: Db;

  before(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  after(() => database.close());

  it('holds the 342 municipalities of 2026, the 12 provinces and the one region MRDH', async () => {
    assert.equal(await countKind(db, 'municipality'), 342);
    assert.equal(await countKind(db, 'province'), 12);
    assert.equal(await countKind(db, 'region'), 1);
    const mrdh = await organisation(db, mrdhCode);
    assert.equal(mrdh.kind, 'region');
    assert.equal(mrdh.name, 'Metropoolregio Rotterdam Den Haag');
    assert.equal(mrdh.provinceCode, zuidHollandCode);
    const zuidHolland = await organisation(db, zuidHollandCode);
    assert.equal(zuidHolland.kind, 'province');
    assert.equal(zuidHolland.displayName, 'Provincie Zuid-Holland');
  });

  it('gives every municipality a province that exists', async () => {
    const provinceCodes = new Set(
      (
        await db
          .select({ code: organisations.code })
          .from(organisations)
          .where(eq(organisations.kind, 'province'))
      ).map((p) => p.code),
    );
    const municipalities = await db
      .select()
      .from(organisations)
      .where(eq(organisations.kind, 'municipality'));
    for (const m of municipalities) {
      assert.ok(
        m.provinceCode && provinceCodes.has(m.provinceCode),
        `${m.code} ${m.name} has province ${m.provinceCode}`,
      );
      assert.match(m.code, /^GM\d{4}$/);
    }
  });

  it('has network zuid-holland with the 50 Zuid-Holland municipalities, coordinated by the province PV28', async () => {
    const zh = await network(db, networkCodes.zuidHolland);
    assert.equal(zh.coordinator, zuidHollandCode);
    const members = await memberCodes(db, networkCodes.zuidHolland);
    assert.equal(members.length, 50);
    const zhMunicipalities = (
      await db
        .select({ code: organisations.code })
        .from(organisations)
        .where(and(eq(organisations.kind, 'municipality'), eq(organisations.provinceCode, zuidHollandCode)))
    )
      .map((r) => r.code)
      .sort();
    assert.deepEqual(members, zhMunicipalities);
    for (const code of ['GM0599', 'GM0518', 'GM0546', 'GM0603']) assert.ok(members.includes(code), code);
  });

  it('has network mrdh with its 21 member municipalities, coordinated by MRDH', async () => {
    const mrdh = await network(db, networkCodes.mrdh);
    assert.equal(mrdh.coordinator, mrdhCode);
    const members = await memberCodes(db, networkCodes.mrdh);
    assert.equal(members.length, 21);
    assert.ok(members.includes('GM0599'), 'Rotterdam is a member');
    assert.ok(members.includes('GM0518'), 'Den Haag is a member');
    assert.equal(members.includes('GM0546'), false, 'Leiden is not a member');
    const zhMembers = new Set(await memberCodes(db, networkCodes.zuidHolland));
    for (const code of members) assert.ok(zhMembers.has(code), `MRDH member ${code} lies in Zuid-Holland`);
  });

  it("shows the names people use and keeps the official CBS name ('s-Gravenhage is shown as Den Haag)", async () => {
    const denHaag = await organisation(db, 'GM0518');
    assert.equal(denHaag.displayName, 'Den Haag');
    assert.equal(denHaag.name, "'s-Gravenhage");
    const rijswijk = await organisation(db, 'GM0603');
    assert.equal(rijswijk.displayName, 'Rijswijk');
    assert.equal(rijswijk.name, 'Rijswijk (ZH.)');
    const rotterdam = await organisation(db, 'GM0599');
    assert.equal(rotterdam.displayName, 'Rotterdam', 'without a display name the official name is shown');
  });

  it('keeps the two municipalities called Bergen distinguishable, and every display name unique', async () => {
    const bergenNH = await organisation(db, 'GM0373');
    const bergenL = await organisation(db, 'GM0893');
    assert.match(bergenNH.displayName, /^Bergen \(NH/);
    assert.match(bergenL.displayName, /^Bergen \(L/);
    assert.notEqual(bergenNH.displayName, bergenL.displayName);
    const names = (
      await db
        .select({ name: organisations.displayName })
        .from(organisations)
        .where(eq(organisations.kind, 'municipality'))
    ).map((r) => r.name);
    const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
    assert.deepEqual(duplicates, [], 'two municipalities share a display name');
  });

  it('does nothing when loaded again with unchanged files', async () => {
    const previous = await snapshot(db);
    assert.deepEqual(await loadReferenceData(db), { loaded: false });
    assert.deepEqual(await snapshot(db), previous);
  });

  it('loads again after the stored hash is removed, with identical rows, the same ids and no duplicates', async () => {
    const user = await createUser(db, { memberOf: { GM0599: 'editor' } });
    const previous = await snapshot(db);
    const removed = await db.delete(appSettings).where(like(appSettings.key, 'reference_data%')).returning();
    assert.equal(removed.length, 1, 'the loader stores one hash in app_settings');

    assert.deepEqual(await loadReferenceData(db), { loaded: true });
    const afterReload = await snapshot(db);
    assert.deepEqual(afterReload, previous);
    assert.equal(afterReload.orgs.length, 342 + 12 + 1);
    assert.equal(new Set(afterReload.orgs.map((o) => o.code)).size, afterReload.orgs.length);
    assert.equal(await countKind(db, 'municipality'), 342);
    assert.equal((await memberCodes(db, networkCodes.zuidHolland)).length, 50);
    assert.equal((await memberCodes(db, networkCodes.mrdh)).length, 21);

    // Upserting by code keeps the ids, so what refers to an organisation still does.
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user.id));
    assert.equal(membership?.organisationId, await organisationId(db, 'GM0599'));

    // The hash is stored again: the next start skips the work.
    const stored = await db.select().from(appSettings).where(like(appSettings.key, 'reference_data%'));
    assert.equal(stored.length, 1);
    assert.deepEqual(await loadReferenceData(db), { loaded: false });
  });
});
