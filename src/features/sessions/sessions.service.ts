import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { networks } from '../../core/db/core.tables.ts';
import { formatDateTime, type Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { memberOrganisationsIn } from './sessions.queries.ts';
import { knowledgeSessions, sessionRegistrations, type RegistrationStatus } from './sessions.tables.ts';

type SessionRow = typeof knowledgeSessions.$inferSelect;

export interface NewSession {
  networkId: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  capacity: number;
  themes: string[];
}

export async function announceSession(
  db: Db,
  input: NewSession,
  actorUserId: number | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(knowledgeSessions)
      .values({ ...input, createdByUserId: actorUserId })
      .returning({ id: knowledgeSessions.id });
    if (!row) throw new Error('session not created');
    // In the trail of the network's coordinating organisation, whose coordinator or token announced it.
    const [network] = await tx
      .select({ organisationId: networks.coordinatorOrganisationId })
      .from(networks)
      .where(eq(networks.id, input.networkId));
    await recordAudit(tx, {
      actorUserId,
      organisationId: network?.organisationId ?? null,
      action: 'knowledge-session.announced',
      details: { sessionId: row.id, networkId: input.networkId, startsAt: input.startsAt.toISOString() },
    });
    return row.id;
  });
}

export interface Registrant {
  id: number;
  name: string;
  email: string;
  organisationIds: number[];
}

export interface MailContext {
  publicUrl: string;
  locale: Locale;
}

export interface WriteContext extends MailContext {
  /**
   * Who makes the change when it is not the person themselves, for the audit trail: null for an
   * organisation's API token (whose id the audit context adds).
   */
  actorUserId?: number | null;
}

const actorOf = (context: WriteContext, personId: number) =>
  context.actorUserId === undefined ? personId : context.actorUserId;

export type RegisterResult =
  | { ok: true; status: 'confirmed' | 'waiting'; isNew: boolean }
  | { ok: false; problem: 'notFound' | 'past' | 'notMember' };

type MailKind = 'confirmed' | 'waiting' | 'movedUp' | 'reminder';
const mailKeys = {
  confirmed: ['mail.confirmed.subject', 'mail.confirmed.body'],
  waiting: ['mail.waiting.subject', 'mail.waiting.body'],
  movedUp: ['mail.movedUp.subject', 'mail.movedUp.body'],
  reminder: ['mail.reminder.subject', 'mail.reminder.body'],
} as const;

async function mailAbout(
  tx: Db,
  kind: MailKind,
  session: SessionRow,
  to: { name: string; email: string },
  context: MailContext,
) {
  const params = {
    name: to.name,
    title: session.title,
    when: formatDateTime(context.locale, session.startsAt),
    where: [session.location, session.onlineUrl].filter(Boolean).join(' · '),
    link: `${context.publicUrl}/knowledge/sessions/${session.id}`,
  };
  const [subject, body] = mailKeys[kind];
  await enqueueMail(tx, {
    to: to.email,
    subject: sessionsMessage(context.locale, subject, params),
    text: sessionsMessage(context.locale, body, params),
  });
}

/** Locks the session row: every change to its places goes through this lock, one at a time. */
async function lockSession(tx: Db, sessionId: number): Promise<SessionRow | undefined> {
  const [session] = await tx
    .select()
    .from(knowledgeSessions)
    .where(eq(knowledgeSessions.id, sessionId))
    .for('update');
  return session;
}

async function confirmedCount(tx: Db, sessionId: number): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, 'confirmed')));
  return row?.count ?? 0;
}

/**
 * Registers a member: a place when one is free, else the waiting list. The session row is locked
 * first, so two people asking for the last place are served one after the other.
 */
export async function signUpForSession(
  db: Db,
  sessionId: number,
  person: Registrant,
  context: WriteContext,
  now = new Date(),
): Promise<RegisterResult> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return { ok: false, problem: 'notFound' };
    if (session.startsAt <= now) return { ok: false, problem: 'past' };
    const [organisationId] = await memberOrganisationsIn(tx, session.networkId, person.organisationIds);
    if (organisationId === undefined) return { ok: false, problem: 'notMember' };
    const where = and(
      eq(sessionRegistrations.sessionId, sessionId),
      eq(sessionRegistrations.userId, person.id),
    );
    const [existing] = await tx.select().from(sessionRegistrations).where(where);
    if (existing && existing.status !== 'cancelled') {
      return { ok: true, status: existing.status === 'confirmed' ? 'confirmed' : 'waiting', isNew: false };
    }
    const status: 'confirmed' | 'waiting' =
      (await confirmedCount(tx, sessionId)) < session.capacity ? 'confirmed' : 'waiting';
    const values = {
      status,
      organisationId,
      queuedAt: sql`clock_timestamp()`,
      updatedAt: sql`clock_timestamp()`,
      reminderSentAt: null,
    };
    if (existing) await tx.update(sessionRegistrations).set(values).where(where);
    else await tx.insert(sessionRegistrations).values({ ...values, sessionId, userId: person.id });
    await mailAbout(tx, status, session, person, context);
    await recordAudit(tx, {
      actorUserId: actorOf(context, person.id),
      organisationId,
      action: 'knowledge-session.registered',
      details: { sessionId, status },
    });
    return { ok: true, status, isNew: true };
  });
}

export type CancelResult =
  { ok: true; movedUpUserId: number | null } | { ok: false; problem: 'notFound' | 'notSignedUp' };

/** Cancels a registration; a freed place goes to the first on the waiting list in the same transaction. */
export async function cancelRegistration(
  db: Db,
  sessionId: number,
  userId: number,
  context: WriteContext,
): Promise<CancelResult> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return { ok: false, problem: 'notFound' };
    const where = and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.userId, userId));
    const [existing] = await tx.select().from(sessionRegistrations).where(where);
    if (!existing || existing.status === 'cancelled') return { ok: false, problem: 'notSignedUp' };
    await tx
      .update(sessionRegistrations)
      .set({ status: 'cancelled', updatedAt: sql`clock_timestamp()` })
      .where(where);
    const movedUp = await fillFreePlaces(tx, session, { ...context, locale: 'nl' });
    await recordAudit(tx, {
      actorUserId: actorOf(context, userId),
      organisationId: existing.organisationId,
      action: 'knowledge-session.cancelled',
      details: { sessionId, was: existing.status, movedUpUserId: movedUp[0] ?? null },
    });
    return { ok: true, movedUpUserId: movedUp[0] ?? null };
  });
}

/** Moves people up from the waiting list while there are free places (the caller holds the session lock). */
async function fillFreePlaces(tx: Db, session: SessionRow, context: MailContext): Promise<number[]> {
  const free = session.capacity - (await confirmedCount(tx, session.id));
  if (free <= 0) return [];
  const next = await tx
    .select({ id: sessionRegistrations.id, userId: users.id, name: users.name, email: users.email })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .where(and(eq(sessionRegistrations.sessionId, session.id), eq(sessionRegistrations.status, 'waiting')))
    .orderBy(asc(sessionRegistrations.queuedAt), asc(sessionRegistrations.id))
    .limit(free);
  for (const person of next) {
    await tx
      .update(sessionRegistrations)
      .set({ status: 'confirmed', updatedAt: sql`clock_timestamp()` })
      .where(eq(sessionRegistrations.id, person.id));
    await mailAbout(tx, 'movedUp', session, person, context);
  }
  return next.map((p) => p.userId);
}

/**
 * Queues a reminder for each confirmed participant of a session that starts within a day. Each
 * registration is marked in the same transaction, and rows another process holds are skipped, so a
 * reminder is sent once however often (and from however many processes) the job runs.
 */
export async function sendSessionReminders(
  db: Db,
  publicUrl: string,
  now = new Date(),
): Promise<{ queued: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        registration: sessionRegistrations,
        session: knowledgeSessions,
        name: users.name,
        email: users.email,
      })
      .from(sessionRegistrations)
      .innerJoin(knowledgeSessions, eq(knowledgeSessions.id, sessionRegistrations.sessionId))
      .innerJoin(users, eq(users.id, sessionRegistrations.userId))
      .where(
        and(
          eq(sessionRegistrations.status, 'confirmed' satisfies RegistrationStatus),
          isNull(sessionRegistrations.reminderSentAt),
          gt(knowledgeSessions.startsAt, now),
          lte(knowledgeSessions.startsAt, new Date(now.getTime() + 24 * 3600_000)),
        ),
      )
      .orderBy(asc(sessionRegistrations.id))
      .limit(200)
      .for('update', { of: sessionRegistrations, skipLocked: true });
    for (const row of due) {
      await mailAbout(tx, 'reminder', row.session, row, { publicUrl, locale: 'nl' });
      await tx
        .update(sessionRegistrations)
        .set({ reminderSentAt: sql`now()` })
        .where(eq(sessionRegistrations.id, row.registration.id));
    }
    return { queued: due.length };
  });
}
