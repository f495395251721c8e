import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/**
 * How an organisation shares its submitted scans: counted in group figures only (the default),
 * by name with others in its networks who chose the same, or not at all.
 */
export const sharingModes = ['aggregated', 'named', 'not-shared'] as const;
export type SharingMode = (typeof sharingModes)[number];

export const sharingSettings = pgTable(
  'sharing_settings',
  {
    organisationId: integer('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: sharingModes }).notNull(),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sharing_settings_mode_check', sql`${t.mode} in ('aggregated', 'named', 'not-shared')`)],
);

/**
 * One row whose version goes up on every write to what benchmark figures depend on (scans and
 * their scores, sharing choices, organisations, network members). Database triggers do the
 * counting (migration 0006), so no write path can forget it; the figure cache compares versions.
 */
export const benchmarkState = pgTable(
  'benchmark_state',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('benchmark_state_single_row', sql`${t.id} = 1`)],
);
