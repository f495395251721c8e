import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/**
 * Public, read-only links to an organisation's roadmap. The token is 32 random bytes (base64url):
 * unguessable. It is stored as is because editors copy the link again later; revoking sets
 * `revoked_at` (kept for the audit trail) and the public page then answers 404.
 */
export const roadmapShareLinks = pgTable(
  'roadmap_share_links',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    label: text('label').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedByUserId: integer('revoked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('roadmap_share_links_organisation_idx').on(t.organisationId)],
);
