import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { networks, organisations } from '../../core/db/core.tables.ts';

/**
 * A knowledge session (kennissessie) announced by a network's coordinators. Times are stored as
 * UTC instants; the announcer typed them in Europe/Amsterdam, and pages show them there.
 */
export const knowledgeSessions = pgTable(
  'knowledge_sessions',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Markdown, rendered through renderRichText. */
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    /** Framework theme ids. */
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_sessions_starts_idx').on(t.startsAt),
    check('knowledge_sessions_capacity_check', sql`${t.capacity} > 0`),
    check('knowledge_sessions_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const registrationStatuses = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** One person's place at a session: confirmed, on the waiting list (in order of `queuedAt`), or cancelled. */
export const sessionRegistrations = pgTable(
  'knowledge_session_registrations',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => knowledgeSessions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: registrationStatuses }).notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the reminder was queued: the reminder job sends each one once. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('knowledge_session_registrations_person_idx').on(t.sessionId, t.userId),
    check(
      'knowledge_session_registrations_status_check',
      sql`${t.status} in ('confirmed', 'waiting', 'cancelled')`,
    ),
  ],
);
