import type { FastifyRequest } from 'fastify';
import type { Role } from '../auth/auth.tables.ts';
import type { Config } from '../../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { OrganisationKind } from '../db/core.tables.ts';
import type { Access } from './access.ts';
import type { Mailer } from '../mail/outbox.ts';
import type { WorkerPool } from '../workers/worker-pool.ts';
import { notFound } from './errors.ts';

export interface MembershipSummary {
  organisationId: number;
  code: string;
  /** The official name. */
  name: string;
  displayName: string;
  kind: OrganisationKind;
  role: Role;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: MembershipSummary[];
  /** Network codes this user coordinates (zuid-holland, mrdh). */
  coordinatorOf: string[];
}

/** The organisation of an organisation-scoped route, with the caller's effective role in it. */
export interface OrganisationScope {
  id: number;
  code: string;
  name: string;
  displayName: string;
  kind: OrganisationKind;
  role: Role;
}

export interface AppServices {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** Installation secret for CSRF tokens, kept in the database so that all processes share it. */
  secret: string;
  /** The signed-in user of a session cookie, kept for a few seconds (core/auth/session-cache.ts). */
  sessions: {
    load(
      db: Db,
      token: string,
      lifetimes: Config['sessionLifetimes'],
    ): Promise<{ sessionId: string; user: SessionUser; authenticatedAt: number } | null>;
  };
  /**
   * What pages show of an organisation's own data, kept for a few seconds and forgotten on every
   * change to it (core/db/organisation-cache.ts, decision 0027).
   */
  organisationData: {
    get<T>(organisationId: number, key: string, read: () => Promise<T>): Promise<T>;
  };
  /** Threads for heavy work (documents, images, spreadsheets): `workersOf(request)` runs a task there. */
  workers: WorkerPool;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A sensitive action: the user must have signed in or given their password within
     * `recentAuthenticationMinutes`; otherwise they confirm it first and return to `returnTo`
     * (a path in which `:name` is replaced by the route's parameter), the page of the form.
     */
    recentAuthentication?: { returnTo: string };
  }
  interface FastifyInstance {
    services: AppServices;
  }
  interface FastifyRequest {
    locale: Locale;
    user: SessionUser | null;
    sessionId: string | null;
    /** When the session's user last signed in or confirmed their password (epoch milliseconds). */
    authenticatedAt: number | null;
    csrfToken: string;
    organisation: OrganisationScope | null;
    isApi: boolean;
    /** The API token a request came with, once the access check has accepted it. */
    apiTokenId: number | null;
  }
}

/**
 * The organisation of an organisation-scoped route. The access check has already set it, so a
 * missing one means the route was reached some other way: answer 404 rather than trust it.
 */
export function organisationOf(request: FastifyRequest): OrganisationScope {
  if (!request.organisation) throw notFound();
  return request.organisation;
}

/** The signed-in user of a route that requires one; 404 for the same reason as organisationOf. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw notFound();
  return request.user;
}

export function userIdOf(request: FastifyRequest): number {
  return userOf(request).id;
}

export function dbOf(request: FastifyRequest): Db {
  return request.server.services.database.db;
}
