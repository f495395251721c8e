import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/** The bytes of each export live in the database, like uploads (decision 0005): every process serves them. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const documentKinds = ['strategy', 'scan-results'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentFormats = ['docx', 'pdf', 'odt'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
 * Every export is kept, numbered per subject (a strategy or a scan), so that the version that went to
 * the college or the council can be found later. Never changed after it is written.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: documentKinds }).notNull(),
    /** The strategy's or the scan's id; not a foreign key, as the subject lives in another feature. */
    subjectId: integer('subject_id').notNull(),
    version: integer('version').notNull(),
    format: text('format', { enum: documentFormats }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    locale: text('locale').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written, so the author still shows after the account is removed. */
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('document_versions_number_unique').on(t.organisationId, t.kind, t.subjectId, t.version),
    index('document_versions_organisation_idx').on(t.organisationId, t.createdAt),
    check('document_versions_kind_check', sql`${t.kind} in ('strategy', 'scan-results')`),
    check('document_versions_format_check', sql`${t.format} in ('docx', 'pdf', 'odt')`),
  ],
);
