import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const organisationKinds = ['municipality', 'province', 'region'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    /** CBS code (GM0599, PV28) or, for a region, its own short code (MRDH). */
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    /** The official CBS name, kept as it is ('s-Gravenhage). */
    name: text('name').notNull(),
    /** The name people use (Den Haag). */
    displayName: text('display_name').notNull(),
    provinceCode: text('province_code'),
    population: integer('population'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisations_kind_check', sql`${t.kind} in ('municipality', 'province', 'region')`)],
);

export const networks = pgTable('networks', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  coordinatorOrganisationId: integer('coordinator_organisation_id')
    .notNull()
    .references(() => organisations.id),
});

export const networkMembers = pgTable(
  'network_members',
  {
    networkId: integer('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.organisationId] })],
);

/** Small key-value store for installation state (secrets, reference-data hash). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Who changed what, when and from where. Written in the same transaction as the change itself.
 * Append-only: a trigger (migrations/0013_…) refuses updates, truncation and the removal of
 * entries younger than 30 days; the retention job removes only older ones.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    organisationId: integer('organisation_id'),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The client address of the request that made the change (null for the command line and jobs). */
    address: text('address'),
  },
  (t) => [index('audit_log_organisation_at_idx').on(t.organisationId, t.at)],
);
