import { index, integer, pgTable, serial, text, timestamp, boolean } from 'drizzle-orm/pg-core';
import { organisations } from '../db/core.tables.ts';
import { users } from './auth.tables.ts';

/** A user's authenticator app (TOTP, RFC 6238). The seed is sealed (src/core/db/secrets.ts). */
export const secondFactors = pgTable('second_factors', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  /** Null while the user is enrolling: the seed counts only after a first correct code. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last accepted time step: a code is never accepted twice (RFC 6238, 5.2). */
  lastUsedStep: integer('last_used_step').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ten one-time recovery codes per enrolment, stored as argon2id hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** An organisation administrator's choice to require a second factor of every member. */
export const signInPolicies = pgTable('sign_in_policies', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  requireSecondFactor: boolean('require_second_factor').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
