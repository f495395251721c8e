import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { networks, organisationKinds, organisations, type OrganisationKind } from '../db/core.tables.ts';
import type { MembershipSummary, SessionUser } from '../http/context.ts';
import { memberships, networkCoordinators, roles, sessions, users, type Role } from './auth.tables.ts';
import { createToken, hashToken } from './tokens.ts';

/**
 * How long a session lasts: it ends after `idleMinutes` without use, and in any case
 * `absoluteHours` after sign-in. Settings SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS.
 */
export interface SessionLifetimes {
  idleMinutes: number;
  absoluteHours: number;
}

export const defaultSessionLifetimes: SessionLifetimes = { idleMinutes: 120, absoluteHours: 12 };

export async function createSession(
  db: Db,
  userId: number,
  options: { lifetimes?: SessionLifetimes; userAgent?: string } = {},
): Promise<string> {
  const { idleMinutes } = options.lifetimes ?? defaultSessionLifetimes;
  const token = createToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt: sql`now() + make_interval(mins => ${idleMinutes})`,
    userAgent: (options.userAgent ?? '').slice(0, 300),
  });
  // Housekeeping on the side: expired sessions are of no use to anyone.
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  return token;
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** The user gave their password again in this session: sensitive actions are allowed for a while. */
export async function confirmAuthentication(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ authenticatedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

/** Ends every session of the user, or every one but `exceptSessionId`; returns how many ended. */
export async function destroyUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Ends one session of this user (a session id of someone else ends nothing); true when it did. */
export async function destroyOwnSession(db: Db, userId: number, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return ended.length === 1;
}

export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string;
}

/** The user's sessions that still work, most recently used first. */
export async function listActiveSessions(
  db: Db,
  userId: number,
  lifetimes: SessionLifetimes = defaultSessionLifetimes,
): Promise<ActiveSession[]> {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isAlive(lifetimes)))
    .orderBy(desc(sessions.lastUsedAt));
}

const isAlive = (lifetimes: SessionLifetimes) =>
  and(
    gt(sessions.expiresAt, sql`now()`),
    gt(sessions.createdAt, sql`now() - make_interval(hours => ${lifetimes.absoluteHours})`),
  );

export interface LoadedSession {
  sessionId: string;
  user: SessionUser;
  /** When the session ends if it is not used again (epoch milliseconds). */
  endsAt: number;
  /** When the user last signed in or gave their password again in this session (epoch milliseconds). */
  authenticatedAt: number;
}

/**
 * The session, its user, the user's memberships and coordinated networks in one query: every
 * signed-in request starts here, and on the embedded database each query costs a round trip
 * through a single queue that all concurrent requests share.
 */
export async function loadSessionUser(
  db: Db,
  token: string,
  lifetimes: SessionLifetimes = defaultSessionLifetimes,
): Promise<LoadedSession | null> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      authenticatedAt: sessions.authenticatedAt,
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
    .where(and(eq(sessions.id, sessionId), isAlive(lifetimes)));
  if (!row) return null;
  // Slide the idle timeout (and "last used"), but write at most once per ten minutes per session,
  // or per quarter of the idle time when that is shorter.
  const idleMs = lifetimes.idleMinutes * 60_000;
  const remainingMs = row.expiresAt.getTime() - Date.now();
  if (remainingMs < idleMs - Math.min(600_000, idleMs / 4)) {
    await db
      .update(sessions)
      .set({
        expiresAt: sql`now() + make_interval(mins => ${lifetimes.idleMinutes})`,
        lastUsedAt: sql`now()`,
      })
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
  const absoluteEnd = row.createdAt.getTime() + lifetimes.absoluteHours * 3_600_000;
  return {
    sessionId,
    user,
    endsAt: Math.min(row.expiresAt.getTime(), absoluteEnd),
    authenticatedAt: row.authenticatedAt.getTime(),
  };
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
