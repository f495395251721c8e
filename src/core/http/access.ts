import type { Role } from '../auth/auth.tables.ts';

/**
 * Every route declares who may use it, in `config.access`. The app refuses to start when a
 * route has none, and a test walks all routes to check that each rule is enforced.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'platformAdmin' }
  /** Members of the organisation named by the route's `:code` parameter, with at least this role. */
  | { kind: 'organisation'; role: Role };

export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signedIn' },
  platformAdmin: { kind: 'platformAdmin' },
  organisation: (role: Role): Access => ({ kind: 'organisation', role }),
} as const satisfies Record<string, Access | ((role: Role) => Access)>;

const roleRank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank[actual] >= roleRank[required];
}
