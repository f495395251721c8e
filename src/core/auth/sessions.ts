import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { networks, organisations } from '../db/core.tables.ts';
import type { SessionUser } from '../http/context.ts';
import { memberships, networkCoordinators, sessions, users } from './auth.tables.ts';
import { createToken, hashToken } from './tokens.ts';

/** A session ends after this long without use (and at sign-out). */
export const sessionIdleHours = 12;

export async function createSession(db: Db, userId: number): Promise<string> {
  const token = createToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt: sql`now() + make_interval(hours => ${sessionIdleHours})`,
  });
  // Housekeeping on the side: expired sessions are of no use to anyone.
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  return token;
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function loadSessionUser(
  db: Db,
  token: string,
): Promise<{ sessionId: string; user: SessionUser } | null> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  // Slide the idle timeout, but write at most once per ten minutes per session.
  const remainingMs = row.expiresAt.getTime() - Date.now();
  if (remainingMs < sessionIdleHours * 3600_000 - 600_000) {
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() + make_interval(hours => ${sessionIdleHours})` })
      .where(eq(sessions.id, sessionId));
  }
  const user = { id: row.id, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin };
  return { sessionId, user: await withMemberships(db, user) };
}

async function withMemberships(
  db: Db,
  user: Pick<SessionUser, 'id' | 'email' | 'name' | 'isPlatformAdmin'>,
): Promise<SessionUser> {
  const userId = user.id;
  const orgs = await db
    .select({
      organisationId: organisations.id,
      code: organisations.code,
      name: organisations.name,
      displayName: organisations.displayName,
      kind: organisations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.displayName));
  const coordinated = await db
    .select({ code: networks.code })
    .from(networkCoordinators)
    .innerJoin(networks, eq(networks.id, networkCoordinators.networkId))
    .where(eq(networkCoordinators.userId, userId));
  return { ...user, memberships: orgs, coordinatorOf: coordinated.map((n) => n.code) };
}
