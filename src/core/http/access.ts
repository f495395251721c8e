import type { ApiResource, Role } from '../auth/auth.tables.ts';

/**
 * Every route declares who may use it, in `config.access`. The app refuses to start when a
 * route has none, and a test walks all routes to check that each rule is enforced.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'platformAdmin' }
  /** Members of the organisation named by the route's `:code` parameter, with at least this role. */
  | { kind: 'organisation'; role: Role }
  /**
   * API clients holding a token of the organisation named by `:code` (Authorization: Bearer) that
   * reaches this resource; a change (any method but GET and HEAD) needs a read-write token.
   */
  | { kind: 'organisationApi'; resource: ApiResource }
  /** Coordinators of the network named by the route's `:network` parameter (and the platform administrator). */
  | { kind: 'networkCoordinator' };

export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signedIn' },
  platformAdmin: { kind: 'platformAdmin' },
  organisation: (role: Role): Access => ({ kind: 'organisation', role }),
  organisationApi: (resource: ApiResource): Access => ({ kind: 'organisationApi', resource }),
  networkCoordinator: { kind: 'networkCoordinator' },
} as const satisfies Record<string, Access | ((role: Role) => Access) | ((r: ApiResource) => Access)>;

const roleRank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank[actual] >= roleRank[required];
}

export interface RouteRecord {
  method: string;
  url: string;
  access: Access;
}

const registries = new WeakMap<object, RouteRecord[]>();

/** Remembers each route with its rule, so that a test can walk all routes of an app. */
export function recordRoute(app: object, methods: string | string[], url: string, rule: Access): void {
  const list = registries.get(app) ?? [];
  for (const method of Array.isArray(methods) ? methods : [methods]) list.push({ method, url, access: rule });
  registries.set(app, list);
}

export function routeRegistry(app: object): RouteRecord[] {
  return registries.get(app) ?? [];
}
