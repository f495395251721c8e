import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { networks, organisations } from '../db/core.tables.ts';

export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  /** Stored lower-cased; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id; null until the user sets a password from an invitation. */
  passwordHash: text('password_hash'),
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('memberships_organisation_idx').on(t.organisationId),
    check('memberships_role_check', sql`${t.role} in ('viewer', 'editor', 'admin')`),
  ],
);

/** A coordinator of a network (the province, MRDH) sees and organises across its members. */
export const networkCoordinators = pgTable(
  'network_coordinators',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    networkId: integer('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.networkId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a database leak does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The idle limit: moved forward as the session is used; the absolute limit counts from createdAt. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the user last proved who they are in this session: the sign-in, or the password given
     * again for a sensitive action (recent-authentication rule, src/core/auth/recent-authentication.ts).
     */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent at sign-in (cut to 300 characters), so that people recognise a device. */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Counters behind the sign-in and reset-mail limits, one row per hashed key ("account:<email>",
 * "address:<ip>", …). In the database, so that every app process counts the same attempts.
 */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Forgot-password requests waiting to become a mail. Every request is stored the same way, known
 * address or not, and the mail is made afterwards, so that the answer's timing reveals nothing.
 */
export const passwordResetRequests = pgTable('password_reset_requests', {
  id: serial('id').primaryKey(),
  email: text('email').notNull(),
  locale: text('locale').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tokenPurposes = ['setup', 'invitation', 'password-reset'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** One-time links: first-administrator setup, invitations, password resets. Stored hashed. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: text('id').primaryKey(),
  purpose: text('purpose', { enum: tokenPurposes }).notNull(),
  email: text('email'),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
  role: text('role', { enum: roles }),
  createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** An organisation's key for the API; only its hash is stored, the prefix helps people recognise it. */
/** What an API token may do: read, or read and change what the web interface lets an editor change. */
export const apiTokenAccess = ['read', 'read-write'] as const;
export type ApiTokenAccess = (typeof apiTokenAccess)[number];

/** The parts of the API a token can be limited to; each API route names its own. */
export const apiResources = [
  'scans',
  'strategies',
  'registers',
  'documents',
  'practices',
  'sessions',
  'brigade-questions',
] as const;
export type ApiResource = (typeof apiResources)[number];

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    access: text('access', { enum: apiTokenAccess }).notNull().default('read'),
    /** The resources the token reaches; null for all of them. */
    resources: text('resources').array().$type<ApiResource[]>(),
    /** Tokens made before expiry existed run out a year after the migration. */
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 year'`),
  },
  (t) => [
    index('api_tokens_organisation_idx').on(t.organisationId),
    check('api_tokens_access_check', sql`${t.access} in ('read', 'read-write')`),
  ],
);
