import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { knowledgeSessions, sessionRegistrations } from './sessions.tables.ts';

export type SessionRow = typeof knowledgeSessions.$inferSelect;

export interface SessionSummary extends SessionRow {
  networkCode: string;
  networkName: string;
  confirmed: number;
  waiting: number;
}

const confirmedCount = sql<number>`(select count(*)::int from ${sessionRegistrations} r
  where r.session_id = ${knowledgeSessions.id} and r.status = 'confirmed')`;
const waitingCount = sql<number>`(select count(*)::int from ${sessionRegistrations} r
  where r.session_id = ${knowledgeSessions.id} and r.status = 'waiting')`;

function summaries(db: Db) {
  return db
    .select({
      session: knowledgeSessions,
      networkCode: networks.code,
      networkName: networks.name,
      confirmed: confirmedCount,
      waiting: waitingCount,
    })
    .from(knowledgeSessions)
    .innerJoin(networks, eq(networks.id, knowledgeSessions.networkId));
}

type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];
const flatten = (r: SummaryRow): SessionSummary => ({
  ...r.session,
  networkCode: r.networkCode,
  networkName: r.networkName,
  confirmed: r.confirmed,
  waiting: r.waiting,
});

/** Sessions that have not ended, soonest first; optionally of one network. */
export async function upcomingSessions(db: Db, now: Date, networkCode?: string): Promise<SessionSummary[]> {
  const rows = await summaries(db)
    .where(and(gte(knowledgeSessions.endsAt, now), networkCode ? eq(networks.code, networkCode) : undefined))
    .orderBy(asc(knowledgeSessions.startsAt), asc(knowledgeSessions.id));
  return rows.map(flatten);
}

export async function pastSessions(db: Db, now: Date, networkCode?: string): Promise<SessionSummary[]> {
  const rows = await summaries(db)
    .where(and(lt(knowledgeSessions.endsAt, now), networkCode ? eq(networks.code, networkCode) : undefined))
    .orderBy(desc(knowledgeSessions.startsAt))
    .limit(50);
  return rows.map(flatten);
}

/**
 * Sessions of the given networks in order of id, from `afterId` on, at most `limit`; `period`
 * keeps those that have not ended (upcoming) or have (past), as the web's two lists split them.
 */
export async function sessionsOfNetworks(
  db: Db,
  networkIds: number[],
  options: { afterId: number; limit: number; period?: 'upcoming' | 'past'; now: Date },
): Promise<SessionSummary[]> {
  if (networkIds.length === 0) return [];
  const { period, now } = options;
  const rows = await summaries(db)
    .where(
      and(
        inArray(knowledgeSessions.networkId, networkIds),
        gt(knowledgeSessions.id, options.afterId),
        period === 'upcoming' ? gte(knowledgeSessions.endsAt, now) : undefined,
        period === 'past' ? lt(knowledgeSessions.endsAt, now) : undefined,
      ),
    )
    .orderBy(asc(knowledgeSessions.id))
    .limit(options.limit);
  return rows.map(flatten);
}

export async function findSession(db: Db, id: number): Promise<SessionSummary | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const [row] = await summaries(db).where(eq(knowledgeSessions.id, id));
  return row ? flatten(row) : undefined;
}

export async function findNetwork(db: Db, code: string) {
  const [row] = await db.select().from(networks).where(eq(networks.code, code));
  return row;
}

/** The organisations of the user that belong to the network (the first is used for a registration). */
export async function memberOrganisationsIn(db: Db, networkId: number, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ organisationId: networkMembers.organisationId })
    .from(networkMembers)
    .where(
      and(eq(networkMembers.networkId, networkId), inArray(networkMembers.organisationId, organisationIds)),
    );
  return rows.map((r) => r.organisationId);
}

/** The user's registration and, on the waiting list, their position in it. */
export async function registrationOf(db: Db, sessionId: number, userId: number) {
  const [row] = await db
    .select({
      status: sessionRegistrations.status,
      position: sql<number>`(select count(*)::int from ${sessionRegistrations} w
        where w.session_id = ${sessionRegistrations.sessionId} and w.status = 'waiting'
        and (w.queued_at, w.id) <= (${sessionRegistrations.queuedAt}, ${sessionRegistrations.id}))`,
    })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.userId, userId)));
  return row;
}

/** Who is coming and who waits, for the coordinators (personal data: never on public pages). */
export async function participantsOf(db: Db, sessionId: number) {
  return db
    .select({
      name: users.name,
      email: users.email,
      organisation: organisations.displayName,
      status: sessionRegistrations.status,
      queuedAt: sessionRegistrations.queuedAt,
    })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .innerJoin(organisations, eq(organisations.id, sessionRegistrations.organisationId))
    .where(
      and(
        eq(sessionRegistrations.sessionId, sessionId),
        inArray(sessionRegistrations.status, ['confirmed', 'waiting']),
      ),
    )
    .orderBy(asc(sessionRegistrations.queuedAt), asc(sessionRegistrations.id));
}

/**
 * The coming sessions that colleagues of an organisation signed up for, soonest first, with how
 * many of them have a place and how many wait: one statement for the dashboard.
 */
export async function sessionsSignedUpFor(db: Db, organisationId: number, now: Date) {
  return db
    .select({
      id: knowledgeSessions.id,
      title: knowledgeSessions.title,
      startsAt: knowledgeSessions.startsAt,
      confirmed: sql<number>`(count(*) filter (where ${sessionRegistrations.status} = 'confirmed'))::int`,
      waiting: sql<number>`(count(*) filter (where ${sessionRegistrations.status} = 'waiting'))::int`,
    })
    .from(sessionRegistrations)
    .innerJoin(knowledgeSessions, eq(knowledgeSessions.id, sessionRegistrations.sessionId))
    .where(
      and(
        eq(sessionRegistrations.organisationId, organisationId),
        inArray(sessionRegistrations.status, ['confirmed', 'waiting']),
        gte(knowledgeSessions.endsAt, now),
      ),
    )
    .groupBy(knowledgeSessions.id, knowledgeSessions.title, knowledgeSessions.startsAt)
    .orderBy(asc(knowledgeSessions.startsAt), asc(knowledgeSessions.id))
    .limit(5);
}
