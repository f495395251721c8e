import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { organisations } from '../db/core.tables.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { memberships, sessions } from './auth.tables.ts';
import { createSession, loadSessionUser } from './sessions.ts';

describe('sessions: the signed-in user in one query', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('carries the memberships by display name and the coordinated networks, read afresh each time', async () => {
    const { db } = database;
    const user = await createUser(db, {
      name: 'Sessie Test',
      memberOf: { GM0599: 'admin', GM0518: 'viewer' },
      coordinates: ['mrdh', 'zuid-holland'],
    });
    const token = await createSession(db, user.id);
    const rows = await db
      .select({
        organisationId: organisations.id,
        code: organisations.code,
        name: organisations.name,
        displayName: organisations.displayName,
        kind: organisations.kind,
      })
      .from(organisations)
      .where(inArray(organisations.code, ['GM0518', 'GM0599']));
    const expected = (code: string, role: 'admin' | 'viewer') => {
      const row = rows.find((r) => r.code === code);
      assert.ok(row, code);
      return { ...row, role };
    };
    const session = await loadSessionUser(db, token);
    assert.ok(session);
    assert.deepEqual(session.user, {
      id: user.id,
      email: user.email,
      name: 'Sessie Test',
      isPlatformAdmin: false,
      // By display name: Den Haag, then Rotterdam.
      memberships: [expected('GM0518', 'viewer'), expected('GM0599', 'admin')],
      coordinatorOf: ['mrdh', 'zuid-holland'],
    });
    await db
      .delete(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.organisationId, await organisationId(db, 'GM0518')),
        ),
      );
    const later = await loadSessionUser(db, token);
    assert.deepEqual(
      later?.user.memberships.map((m) => m.code),
      ['GM0599'],
    );
  });

  it('gives a user without memberships empty lists', async () => {
    const { db } = database;
    const user = await createUser(db);
    const session = await loadSessionUser(db, await createSession(db, user.id));
    assert.deepEqual(session?.user.memberships, []);
    assert.deepEqual(session?.user.coordinatorOf, []);
  });

  it('ends when the session has expired', async () => {
    const { db } = database;
    const user = await createUser(db, { memberOf: { GM0599: 'viewer' } });
    const token = await createSession(db, user.id);
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, user.id));
    assert.equal(await loadSessionUser(db, token), null);
  });

  it('ends at the absolute lifetime, however recently used', async () => {
    const { db } = database;
    const user = await createUser(db);
    const lifetimes = { idleMinutes: 120, absoluteHours: 12 };
    const token = await createSession(db, user.id, { lifetimes });
    assert.ok(await loadSessionUser(db, token, lifetimes));
    await db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '12 hours 1 minute'`, lastUsedAt: sql`now()` })
      .where(eq(sessions.userId, user.id));
    assert.equal(await loadSessionUser(db, token, lifetimes), null);
    assert.ok(
      await loadSessionUser(db, token, { idleMinutes: 120, absoluteHours: 24 }),
      'a longer setting keeps it',
    );
  });
});
