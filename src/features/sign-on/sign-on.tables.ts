import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { roles, users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

export const clientAuthMethods = ['client_secret_basic', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof clientAuthMethods)[number];
/** The eIDAS levels of assurance (NL GOV Assurance profile for OIDC), from low to high. */
export const assuranceLevels = [
  'http://eidas.europa.eu/LoA/low',
  'http://eidas.europa.eu/LoA/substantial',
  'http://eidas.europa.eu/LoA/high',
] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];
export const newColleagueModes = ['create', 'approve'] as const;
export type NewColleagueMode = (typeof newColleagueModes)[number];

/** An organisation's own identity provider (OpenID Connect), as its administrator configured it. */
export const oidcConnections = pgTable(
  'oidc_connections',
  {
    organisationId: integer('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    authMethod: text('auth_method', { enum: clientAuthMethods }).notNull(),
    /** The client secret, sealed (src/core/db/secrets.ts); null with private_key_jwt. */
    clientSecretSealed: text('client_secret_sealed'),
    /** The platform's private signing key for private_key_jwt (a JWK, sealed); its public half is published. */
    privateKeySealed: text('private_key_sealed'),
    publicKeyJwk: text('public_key_jwk'),
    newColleagues: text('new_colleagues', { enum: newColleagueModes }).notNull(),
    defaultRole: text('default_role', { enum: roles }).notNull(),
    /** The eIDAS assurance level the ID token's `acr` must reach (sent as `acr_values`); null: none. */
    requiredAcr: text('required_acr', { enum: assuranceLevels }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'oidc_connections_auth_method_check',
      sql`${t.authMethod} in ('client_secret_basic', 'private_key_jwt')`,
    ),
    check('oidc_connections_new_colleagues_check', sql`${t.newColleagues} in ('create', 'approve')`),
    check(
      'oidc_connections_required_acr_check',
      sql`${t.requiredAcr} is null or ${t.requiredAcr} in ('http://eidas.europa.eu/LoA/low', 'http://eidas.europa.eu/LoA/substantial', 'http://eidas.europa.eu/LoA/high')`,
    ),
    check('oidc_connections_default_role_check', sql`${t.defaultRole} in ('viewer', 'editor', 'admin')`),
  ],
);

/** A mail domain an organisation's provider vouches for; one organisation per domain. */
export const oidcMailDomains = pgTable(
  'oidc_mail_domains',
  {
    domain: text('domain').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [index('oidc_mail_domains_organisation_idx').on(t.organisationId)],
);

/** A started sign-in: state (hashed), nonce and PKCE verifier; used once, within ten minutes. */
export const oidcSignInRequests = pgTable('oidc_sign_in_requests', {
  stateHash: text('state_hash').primaryKey(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  next: text('next').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Which account a provider's subject is; the subject, not the mail address, identifies it later. */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.subject] })],
);

/** A new colleague who signed in through the provider and waits for an administrator's approval. */
export const oidcAccountRequests = pgTable(
  'oidc_account_requests',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('oidc_account_requests_subject_unique').on(t.organisationId, t.subject)],
);
