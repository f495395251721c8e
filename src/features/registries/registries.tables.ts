import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/**
 * The four registers behind the preconditions and the algorithms register (publication standard of
 * the national Algoritmeregister); also the URL segment of each.
 */
export const registryKinds = [
  'data-sources',
  'contracts',
  'assessments',
  'partnerships',
  'algorithms',
] as const;
export type RegistryKind = (typeof registryKinds)[number];

export interface Partner {
  name: string;
  kind: string;
}
/** A titled address: a lawful basis and the link to it. */
export interface TitledLink {
  title: string;
  link: string;
}
export type FieldValue = string | number | boolean | null | string[] | Partner[] | TitledLink[];
export type EntryData = Record<string, FieldValue>;

/**
 * One row per register entry. The fields differ per register and are defined in code
 * (registers.fields.ts), which checks every value on the way in; they live in one JSON column so
 * that form, import, export and view share one definition instead of four hand-kept tables.
 */
export const registryEntries = pgTable(
  'register_entries',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    registry: text('register', { enum: registryKinds }).notNull(),
    name: text('name').notNull(),
    data: jsonb('data').$type<EntryData>().notNull().default({}),
    /** Goes up on every change: an edit based on an older version is refused with both values shown. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // Names identify entries within a register: imports update the entry of the same name.
    uniqueIndex('register_entries_name_unique').on(t.organisationId, t.registry, t.name),
    index('register_entries_register_idx').on(t.registry, t.organisationId),
    check(
      'register_entries_register_check',
      sql`${t.registry} in ('data-sources', 'contracts', 'assessments', 'partnerships', 'algorithms')`,
    ),
  ],
);

/** A register entry that a strategy action relies on (the action's id belongs to the strategy feature). */
export const registryEntryActions = pgTable(
  'register_entry_actions',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => registryEntries.id, { onDelete: 'cascade' }),
    actionId: integer('action_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.actionId] }),
    index('register_entry_actions_action_idx').on(t.actionId),
  ],
);
