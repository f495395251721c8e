import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { networks, organisations } from '../db/core.tables.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { memberships, networkCoordinators, sessions } from './auth.tables.ts';
import { SessionCache } from './session-cache.ts';
import { createSession, destroySession } from './sessions.ts';
import { hashToken } from './tokens.ts';

/**
 * How many 10 ms waits a notification took to arrive. On the embedded database it comes before the
 * commit's answer, so the change is seen at once; PostgreSQL sends it a moment after the commit.
 */
async function waitsUntil(check: () => Promise<boolean>): Promise<number> {
  for (let waits = 0; waits < 200; waits++) {
    if (await check()) return waits;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the change was not seen within 2 s');
}

describe('session cache: kept for seconds, forgotten on every change', () => {
  let database: Database;
  let cache: SessionCache;
  const atOnce = (waits: number) => {
    if (database.kind === 'pglite') assert.equal(waits, 0, 'seen on the very next read');
  };
  before(async () => {
    database = await openTestDatabase();
    cache = await SessionCache.start(database);
  });
  after(async () => {
    await cache.close();
    await database.close();
  });

  it('answers from memory: a change the triggers do not report is not seen', async () => {
    const { db } = database;
    const user = await createUser(db, { memberOf: { GM0599: 'editor' } });
    const token = await createSession(db, user.id);
    assert.equal((await cache.load(db, token))?.user.memberships[0]?.role, 'editor');
    await db.execute(sql`alter table memberships disable trigger user`);
    try {
      await db.update(memberships).set({ role: 'viewer' }).where(eq(memberships.userId, user.id));
      assert.equal((await cache.load(db, token))?.user.memberships[0]?.role, 'editor', 'from memory');
    } finally {
      await db.execute(sql`alter table memberships enable trigger user`);
    }
    cache.forget(String(user.id));
    assert.equal((await cache.load(db, token))?.user.memberships[0]?.role, 'viewer', 'read again');
  });

  it('forgets a session that ended (logout)', async () => {
    const { db } = database;
    const user = await createUser(db, { memberOf: { GM0599: 'editor' } });
    const token = await createSession(db, user.id);
    assert.ok(await cache.load(db, token));
    assert.ok(await cache.load(db, token));
    await destroySession(db, hashToken(token));
    atOnce(await waitsUntil(async () => (await cache.load(db, token)) === null));
  });

  it('forgets a changed role, a lost membership and a new coordinated network', async () => {
    const { db } = database;
    const user = await createUser(db, { memberOf: { GM0599: 'admin', GM0518: 'viewer' } });
    const token = await createSession(db, user.id);
    const roleIn = async (code: string) =>
      (await cache.load(db, token))?.user.memberships.find((m) => m.code === code)?.role;
    assert.equal(await roleIn('GM0599'), 'admin');
    await db
      .update(memberships)
      .set({ role: 'viewer' })
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.organisationId, await organisationId(db, 'GM0599')),
        ),
      );
    atOnce(await waitsUntil(async () => (await roleIn('GM0599')) === 'viewer'));
    await db
      .delete(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.organisationId, await organisationId(db, 'GM0518')),
        ),
      );
    atOnce(await waitsUntil(async () => (await roleIn('GM0518')) === undefined));
    const [network] = await db.select().from(networks).where(eq(networks.code, 'mrdh'));
    assert.ok(network);
    await db.insert(networkCoordinators).values({ userId: user.id, networkId: network.id });
    atOnce(
      await waitsUntil(
        async () => (await cache.load(db, token))?.user.coordinatorOf.includes('mrdh') === true,
      ),
    );
  });

  it("forgets everyone's sessions when an organisation is renamed", async () => {
    const { db } = database;
    const user = await createUser(db, { memberOf: { GM0599: 'viewer' } });
    const token = await createSession(db, user.id);
    const nameOf = async () => (await cache.load(db, token))?.user.memberships[0]?.displayName;
    const before = await nameOf();
    await db
      .update(organisations)
      .set({ displayName: 'Rotterdam (hernoemd)' })
      .where(eq(organisations.code, 'GM0599'));
    try {
      atOnce(await waitsUntil(async () => (await nameOf()) === 'Rotterdam (hernoemd)'));
    } finally {
      await db
        .update(organisations)
        .set({ displayName: before ?? '' })
        .where(eq(organisations.code, 'GM0599'));
    }
  });

  it('keeps nothing read while a change came in, nor while it does not hear of changes', async () => {
    const { db } = database;
    const user = await createUser(db);
    const token = await createSession(db, user.id);
    const fresh = await SessionCache.start(database);
    try {
      const reading = fresh.load(db, token);
      fresh.forget('0'); // a change to anyone while the read is under way
      assert.ok(await reading);
      assert.equal(fresh.size, 0, 'a read that overlapped a change is not kept');
      await fresh.load(db, token);
      assert.equal(fresh.size, 1);
    } finally {
      await fresh.close();
    }
    const deaf = await SessionCache.start({
      listen: async () => ({ isActive: false, close: async () => undefined }),
    });
    assert.ok(await deaf.load(db, token));
    assert.equal(deaf.size, 0, 'without notifications nothing is kept');
    await deaf.close();
  });

  it('keeps a session no longer than it lasts', async () => {
    const { db } = database;
    const user = await createUser(db);
    const token = await createSession(db, user.id);
    await db.execute(sql`alter table sessions disable trigger user`);
    try {
      await db
        .update(sessions)
        .set({ createdAt: sql`now() - interval '12 hours' + interval '1 second'` })
        .where(eq(sessions.userId, user.id));
      const fresh = await SessionCache.start(database);
      const kept = await fresh.load(db, token);
      assert.ok(kept);
      assert.equal(fresh.size, 1);
      await new Promise((resolve) => setTimeout(resolve, kept.endsAt - Date.now() + 20));
      assert.equal(await fresh.load(db, token), null, 'ended by time, not by a notification');
      await fresh.close();
    } finally {
      await db.execute(sql`alter table sessions enable trigger user`);
    }
  });
});
