import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { networks, organisationKinds, organisations, type OrganisationKind } from '../db/core.tables.ts';
import type { MembershipSummary, SessionUser } from '../http/context.ts';
import { memberships, networkCoordinators, roles, sessions, users, type Role } from './auth.tables.ts';
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

/**
 * The session, its user, the user's memberships and coordinated networks in one query: every
 * signed-in request starts here, and on the embedded database each query costs a round trip
 * through a single queue that all concurrent requests share.
 */
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
      memberships: sql<unknown>`coalesce((
        select json_agg(json_build_object(
                 'organisationId', ${organisations.id}, 'code', ${organisations.code},
                 'name', ${organisations.name}, 'displayName', ${organisations.displayName},
                 'kind', ${organisations.kind}, 'role', ${memberships.role})
               order by ${organisations.displayName})
        from ${memberships} inner join ${organisations} on ${organisations.id} = ${memberships.organisationId}
        where ${memberships.userId} = ${users.id}), '[]'::json)`,
      coordinatorOf: sql<unknown>`coalesce((
        select json_agg(${networks.code} order by ${networks.code})
        from ${networkCoordinators} inner join ${networks} on ${networks.id} = ${networkCoordinators.networkId}
        where ${networkCoordinators.userId} = ${users.id}), '[]'::json)`,
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
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.isPlatformAdmin,
    memberships: jsonArray(row.memberships).map(membershipOf),
    coordinatorOf: jsonArray(row.coordinatorOf).map(String),
  };
  return { sessionId, user };
}

/** Both drivers (PGlite, node-postgres) parse `json` columns; the shape is checked, not assumed. */
function jsonArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('Session query: expected a JSON array');
  return value;
}

const isRole = (value: unknown): value is Role => roles.some((r) => r === value);
const isKind = (value: unknown): value is OrganisationKind => organisationKinds.some((k) => k === value);

function membershipOf(value: unknown): MembershipSummary {
  const field = (key: string): unknown =>
    typeof value === 'object' && value !== null
      ? Object.getOwnPropertyDescriptor(value, key)?.value
      : undefined;
  const [organisationId, code, name, displayName, kind, role] = [
    field('organisationId'),
    field('code'),
    field('name'),
    field('displayName'),
    field('kind'),
    field('role'),
  ];
  if (
    typeof organisationId !== 'number' ||
    typeof code !== 'string' ||
    typeof name !== 'string' ||
    typeof displayName !== 'string' ||
    !isKind(kind) ||
    !isRole(role)
  ) {
    throw new Error('Session query: unexpected membership row');
  }
  return { organisationId, code, name, displayName, kind, role };
}
