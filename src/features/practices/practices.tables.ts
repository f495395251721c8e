import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/**
 * draft and withdrawn: only the organisation's own members see it; network: signed-in members of
 * organisations that share a network with the author's organisation; public: everyone.
 */
export const practiceStatuses = ['draft', 'network', 'public', 'withdrawn'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export interface PracticeLink {
  label: string;
  url: string;
}

export const practices = pgTable(
  'practices',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: practiceStatuses }).notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Markdown, rendered with renderRichText. */
    body: text('body').notNull().default(''),
    /** Body, results and lessons as plain text (Markdown removed): what search indexes and quotes. */
    searchText: text('search_text').notNull().default(''),
    pillar: text('pillar').notNull(),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tasks: text('tasks')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end'),
    partners: text('partners').notNull().default(''),
    results: text('results').notNull().default(''),
    lessons: text('lessons').notNull().default(''),
    contactUserId: integer('contact_user_id').references(() => users.id, { onDelete: 'set null' }),
    links: jsonb('links').$type<PracticeLink[]>().notNull().default([]),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Dutch full-text vector, weighted title A, summary B, the rest C (docs/knowledge.md). */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(search_text, '')), 'C')`,
      ),
  },
  (t) => [
    index('practices_search_idx').using('gin', t.search),
    index('practices_themes_idx').using('gin', t.themes),
    index('practices_organisation_idx').on(t.organisationId, t.status),
    index('practices_status_idx').on(t.status, t.publishedAt),
    check('practices_status_check', sql`${t.status} in ('draft', 'network', 'public', 'withdrawn')`),
    check('practices_period_check', sql`${t.periodStart} between 2000 and 2100`),
    check(
      'practices_period_end_check',
      sql`${t.periodEnd} is null or ${t.periodEnd} between ${t.periodStart} and 2100`,
    ),
  ],
);

export const practiceAttachments = pgTable(
  'practice_attachments',
  {
    id: serial('id').primaryKey(),
    practiceId: integer('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** Detected from the content, never from the name or the browser's claim. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_attachments_practice_idx').on(t.practiceId)],
);

/**
 * A member who agreed to be shown as the contact person of their organisation's practices. Only
 * they can give or withdraw it (on /knowledge/contact); a practice names only a consenting member,
 * and stops showing them the moment they withdraw.
 */
export const practiceContactConsents = pgTable('practice_contact_consents', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every word (lower case, letters only) that has appeared in a practice's title, summary or text:
 * the vocabulary a search query is widened against, for compound parts ("parkeer" finds
 * "parkeergarages") and typos (decision 0021). A trigger on practices fills it (migration 0020);
 * words are never removed, since a word no practice uses any more only widens a query to nothing.
 */
export const practiceSearchWords = pgTable(
  'practice_search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('practice_search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);
