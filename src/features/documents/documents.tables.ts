import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
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

export const documentKinds = ['strategy', 'scan-results', 'council-letter'] as const;
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
    /**
     * The strategy's or the scan's id, or the council letter's (council_letters); not a foreign key, as
     * the strategy and the scan live in another feature.
     */
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
    check('document_versions_kind_check', sql`${t.kind} in ('strategy', 'scan-results', 'council-letter')`),
    check('document_versions_format_check', sql`${t.format} in ('docx', 'pdf', 'odt')`),
  ],
);

/**
 * Each council letter drafted on the progress of the strategy (the raadsinformatiebrief): who drafted
 * it, when, on which version of the strategy and from which day, so that the next letter covers the
 * period since this one. `content` is what the letter says, as loaded when it was drafted (plain,
 * localised data: `CouncilLetterData`): every format made of the letter later says the same, however
 * the strategy has changed since. Its files are document versions of kind 'council-letter'.
 */
export const councilLetters = pgTable(
  'council_letters',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The strategy's id and version number; not a foreign key, as the strategy lives in another feature. */
    strategyId: integer('strategy_id').notNull(),
    strategyVersion: integer('strategy_version').notNull(),
    /** The first day the letter covers; it covers up to and including the day it was drafted. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    locale: text('locale').notNull(),
    content: jsonb('content').notNull(),
    draftedByUserId: integer('drafted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as written, so the author still shows after the account is removed. */
    draftedByName: text('drafted_by_name').notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('council_letters_organisation_idx').on(t.organisationId, t.draftedAt)],
);
