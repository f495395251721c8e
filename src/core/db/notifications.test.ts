import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../testing/test-database.ts';
import type { Database } from './database.ts';
import { everything } from './notifications.ts';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), what);
}

describe('notifications (LISTEN/NOTIFY) on either database', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('hears a NOTIFY once it has committed, not before', async () => {
    const heard: string[] = [];
    const listening = await database.listen('rk_test_channel', (payload) => heard.push(payload));
    try {
      assert.equal(listening.isActive, true);
      heard.length = 0; // PostgreSQL announces a new connection with `everything`
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('rk_test_channel', 'inside')`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(heard, [], 'nothing before the commit');
      });
      await until(() => heard.includes('inside'), 'heard after the commit');
    } finally {
      await listening.close();
    }
  });

  // Only PostgreSQL has a connection to lose: PGlite's worker lives as long as the process.
  if (process.env.TEST_DATABASE_URL) {
    it('goes inactive when its connection is lost, listens again, and then says to forget everything', async () => {
      const heard: string[] = [];
      const listening = await database.listen('rk_test_lost', (payload) => heard.push(payload));
      try {
        heard.length = 0;
        await database.db.execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen "rk_test_lost"'`,
        );
        await until(() => !listening.isActive, 'inactive once the connection is gone');
        await until(() => listening.isActive, 'active again after a new connection listens');
        assert.ok(heard.includes(everything), 'told to forget everything');
        await database.db.execute(sql`select pg_notify('rk_test_lost', 'again')`);
        await until(() => heard.includes('again'), 'hears on the new connection');
      } finally {
        await listening.close();
      }
    });
  }
});
