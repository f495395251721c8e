import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Framework versions seen by this installation, with the hash of their content at first sight. */
export const frameworkVersions = pgTable('framework_versions', {
  version: text('version').primaryKey(),
  frameworkId: text('framework_id').notNull(),
  contentHash: text('content_hash').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});
