import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { sessionRegistrations } from './sessions.tables.ts';

/** What the API reads of knowledge sessions from an organisation's point of view. */

export type NetworkRole = 'coordinator' | 'member';

/**
 * The networks an organisation takes part in: as their coordinating organisation (it announces
 * their sessions) or as a member (its staff sign up). A coordinator that is also a member is the
 * coordinator.
 */
export async function networkRolesOf(db: Db, organisationId: number): Promise<Map<number, NetworkRole>> {
  const [coordinated, memberOf] = [
    await db
      .select({ id: networks.id })
      .from(networks)
      .where(eq(networks.coordinatorOrganisationId, organisationId)),
    await db
      .select({ id: networkMembers.networkId })
      .from(networkMembers)
      .where(eq(networkMembers.organisationId, organisationId)),
  ];
  const roles = new Map<number, NetworkRole>(memberOf.map((n) => [n.id, 'member']));
  for (const n of coordinated) roles.set(n.id, 'coordinator');
  return roles;
}

/** The network a coordinating organisation names by its code, when it coordinates it. */
export async function coordinatedNetwork(db: Db, organisationId: number, code: string) {
  const [row] = await db
    .select()
    .from(networks)
    .where(and(eq(networks.code, code), eq(networks.coordinatorOrganisationId, organisationId)));
  return row;
}

const position = sql<number | null>`case when ${sessionRegistrations.status} = 'waiting' then
  (select count(*)::int from ${sessionRegistrations} w
   where w.session_id = ${sessionRegistrations.sessionId} and w.status = 'waiting'
   and (w.queued_at, w.id) <= (${sessionRegistrations.queuedAt}, ${sessionRegistrations.id}))
  end`;

function registrationRows(db: Db) {
  return db
    .select({
      id: sessionRegistrations.id,
      sessionId: sessionRegistrations.sessionId,
      userId: users.id,
      name: users.name,
      email: users.email,
      organisationId: organisations.id,
      organisationCode: organisations.code,
      organisationName: organisations.displayName,
      status: sessionRegistrations.status,
      position,
      queuedAt: sessionRegistrations.queuedAt,
    })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .innerJoin(organisations, eq(organisations.id, sessionRegistrations.organisationId));
}

export type RegistrationRow = Awaited<ReturnType<typeof registrationRows>>[number];

const active = inArray(sessionRegistrations.status, ['confirmed', 'waiting']);

/**
 * The places taken at a session (confirmed and waiting) in order of id: all of them for the
 * coordinating organisation, an organisation's own for a member (`organisationId`).
 */
export async function registrationsAt(
  db: Db,
  sessionId: number,
  options: { organisationId: number | null; afterId: number; limit: number },
): Promise<RegistrationRow[]> {
  return registrationRows(db)
    .where(
      and(
        eq(sessionRegistrations.sessionId, sessionId),
        active,
        gt(sessionRegistrations.id, options.afterId),
        options.organisationId === null
          ? undefined
          : eq(sessionRegistrations.organisationId, options.organisationId),
      ),
    )
    .orderBy(asc(sessionRegistrations.id))
    .limit(options.limit);
}

/** One place taken at a session; a cancelled one is gone. */
export async function findRegistration(db: Db, sessionId: number, registrationId: number) {
  const [row] = await registrationRows(db).where(
    and(eq(sessionRegistrations.id, registrationId), eq(sessionRegistrations.sessionId, sessionId), active),
  );
  return row;
}

/** The registration of a person at a session, whatever its status. */
export async function registrationIdOf(db: Db, sessionId: number, userId: number) {
  const [row] = await db
    .select({ id: sessionRegistrations.id })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.userId, userId)));
  return row?.id;
}

/** A member of the organisation, as the registrant the sign-up service takes; undefined for others. */
export async function colleagueOf(db: Db, organisationId: number, userId: number) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(memberships.organisationId, organisationId)));
  return row;
}
