import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
