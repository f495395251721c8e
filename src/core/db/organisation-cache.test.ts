import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { organisations } from './core.tables.ts';
import { memberships } from '../auth/auth.tables.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { OrganisationCache } from './organisation-cache.ts';

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

describe("organisation cache: an organisation's data kept for seconds, forgotten on every change", () => {
  let database: Database;
  let cache: OrganisationCache;
  const atOnce = (waits: number) => {
    if (database.kind === 'pglite') assert.equal(waits, 0, 'seen on the very next read');
  };
  /** The members of an organisation, read through the cache, and how many reads reached the database. */
  let reads = 0;
  const membersOf = (id: number) =>
    cache.get(id, 'members', async () => {
      reads++;
      return (await database.db.select().from(memberships).where(eq(memberships.organisationId, id))).length;
    });

  before(async () => {
    database = await openTestDatabase();
    cache = await OrganisationCache.start(database);
  });
  after(async () => {
    await cache.close();
    await database.close();
  });

  it('answers from memory, and reads again after a change to that organisation only', async () => {
    const rotterdam = await organisationId(database.db, 'GM0599');
    const delft = await organisationId(database.db, 'GM0503');
    const [r0, d0] = [await membersOf(rotterdam), await membersOf(delft)];
    const readsBefore = reads;
    assert.equal(await membersOf(rotterdam), r0);
    assert.equal(await membersOf(delft), d0);
    assert.equal(reads, readsBefore, 'both from memory');

    await createUser(database.db, { memberOf: { GM0599: 'viewer' } });
    atOnce(await waitsUntil(async () => (await membersOf(rotterdam)) === r0 + 1));
    const afterChange = reads;
    assert.equal(await membersOf(delft), d0);
    assert.equal(reads, afterChange, "Delft's entry outlived Rotterdam's change");
  });

  it("never answers one organisation's key with another's value", async () => {
    const a = await organisationId(database.db, 'GM0518');
    const b = await organisationId(database.db, 'GM0505');
    assert.equal(await cache.get(a, 'name', async () => 'Den Haag'), 'Den Haag');
    assert.equal(await cache.get(b, 'name', async () => 'Dordrecht'), 'Dordrecht');
    assert.equal(await cache.get(a, 'name', async () => 'not read'), 'Den Haag');
    assert.equal(await cache.get(b, 'name', async () => 'not read'), 'Dordrecht');
  });

  it("forgets every organisation's entries when an organisation is renamed", async () => {
    const id = await organisationId(database.db, 'GM0599');
    const nameOf = () =>
      cache.get(id, 'display-name', async () => {
        const [row] = await database.db
          .select({ name: organisations.displayName })
          .from(organisations)
          .where(eq(organisations.id, id));
        return row?.name;
      });
    const before = await nameOf();
    await database.db
      .update(organisations)
      .set({ displayName: 'Rotterdam (hernoemd)' })
      .where(eq(organisations.id, id));
    try {
      atOnce(await waitsUntil(async () => (await nameOf()) === 'Rotterdam (hernoemd)'));
    } finally {
      await database.db
        .update(organisations)
        .set({ displayName: before ?? '' })
        .where(eq(organisations.id, id));
    }
  });

  it('keeps nothing read while a change came in, nor while it does not hear of changes', async () => {
    const fresh = await OrganisationCache.start(database);
    try {
      const reading = fresh.get(7, 'x', async () => 'old');
      fresh.forget('7'); // a change to this organisation while the read is under way
      assert.equal(await reading, 'old');
      assert.equal(fresh.size, 0, 'a read that overlapped a change is not kept');
      const other = fresh.get(7, 'x', async () => 'new');
      fresh.forget('8'); // another organisation's change does not matter
      assert.equal(await other, 'new');
      assert.equal(fresh.size, 1);
      const everyone = fresh.get(9, 'x', async () => 'nine');
      fresh.forget('*');
      await everyone;
      assert.equal(fresh.size, 0, "'*' concerns every organisation");
    } finally {
      await fresh.close();
    }
    const deaf = await OrganisationCache.start({
      listen: async () => ({ isActive: false, close: async () => undefined }),
    });
    assert.equal(await deaf.get(1, 'x', async () => 'read'), 'read');
    assert.equal(deaf.size, 0, 'without notifications nothing is kept');
    await deaf.close();
  });

  it('lets requests that miss at once share one read, but not across a change', async () => {
    const fresh = await OrganisationCache.start(database);
    try {
      let started = 0;
      const read = async () => {
        const n = ++started;
        await Promise.resolve();
        return `read ${n}`;
      };
      const values = await Promise.all(Array.from({ length: 10 }, () => fresh.get(3, 'k', read)));
      assert.deepEqual(values, Array(10).fill('read 1'));
      assert.equal(started, 1, 'ten misses, one read');
      const before = fresh.get(4, 'k', read);
      fresh.forget('4');
      const after = fresh.get(4, 'k', read);
      assert.deepEqual(await Promise.all([before, after]), ['read 2', 'read 3'], 'a read after the change');
    } finally {
      await fresh.close();
    }
  });

  it('keeps an entry no longer than its keeping time', async () => {
    const brief = await OrganisationCache.start(database, 0);
    try {
      assert.equal(await brief.get(1, 'x', async () => 'first'), 'first');
      assert.equal(await brief.get(1, 'x', async () => 'second'), 'second', 'read again');
    } finally {
      await brief.close();
    }
  });
});
