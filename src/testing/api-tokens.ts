import type { ApiResource } from '../core/auth/auth.tables.ts';
import type { Db } from '../core/db/database.ts';
import { createApiToken } from '../features/organisations/index.ts';
import { createUser, organisationId } from './factories.ts';
import type { TestApp } from './test-app.ts';

const nextYear = () => new Date(Date.now() + 365 * 86_400_000);

export interface ApiTokens {
  /** Rotterdam's (GM0599) administrator, who made Rotterdam's tokens. */
  adminId: number;
  /** Rotterdam: read only, for the resource. */
  reader: string;
  /** Rotterdam: read and write, for the resource. */
  writer: string;
  /** Rotterdam: read and write, but for the registers only. */
  registersOnly: string;
  /** Another municipality (GM0518): read and write, for the resource. */
  stranger: string;
  /** The other municipality's administrator, who made its token. */
  strangerAdminId: number;
}

/** The tokens an API test of one resource needs: by access, by scope and by organisation. */
export async function apiTokensFor(db: Db, resource: ApiResource): Promise<ApiTokens> {
  const rotterdam = await organisationId(db, 'GM0599');
  const admin = await createUser(db, { memberOf: { GM0599: 'admin' } });
  const grant = { resources: [resource], expiresAt: nextYear() };
  const other = await createUser(db, { memberOf: { GM0518: 'admin' } });
  return {
    adminId: admin.id,
    reader: await createApiToken(db, rotterdam, 'lezer', admin.id, { ...grant, access: 'read' }),
    writer: await createApiToken(db, rotterdam, 'schrijver', admin.id, { ...grant, access: 'read-write' }),
    registersOnly: await createApiToken(db, rotterdam, 'registers', admin.id, {
      access: 'read-write',
      resources: ['registers'],
      expiresAt: nextYear(),
    }),
    stranger: await createApiToken(db, await organisationId(db, 'GM0518'), 'ander', other.id, {
      ...grant,
      access: 'read-write',
    }),
    strangerAdminId: other.id,
  };
}

export interface ApiCallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls the API as a client with a bearer token would: `url` is under `base()` (read when called, so
 * a test may name an id it made in `before`) unless it starts with `/api/`.
 */
export function apiCaller(t: () => TestApp, base: () => string) {
  return (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    options: ApiCallOptions = {},
  ) =>
    t().app.inject({
      method,
      url: url.startsWith('/api/') ? url : `${base()}${url}`,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
      ...(options.body ? { payload: options.body as object } : {}),
    });
}
