import { and, desc, eq, gte, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';

/** The filters of the trail pages: an action (or its start, "sign-in"), a first and a last day. */
export interface AuditFilter {
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
  address: string | null;
}

/** Entries an organisation's own, plus the sign-ins (and failed ones) of its current members. */
const accountActions = ['sign-in', 'sign-in.failed', 'session.ended'];

function scopeOf(scope: { organisationId: number } | 'platform'): SQL | undefined {
  if (scope === 'platform') return isNull(auditLog.organisationId);
  const members = sql`(select ${memberships.userId} from ${memberships} where ${memberships.organisationId} = ${scope.organisationId})`;
  return or(
    eq(auditLog.organisationId, scope.organisationId),
    and(
      isNull(auditLog.organisationId),
      inArray(auditLog.action, accountActions),
      sql`${auditLog.actorUserId} in ${members}`,
    ),
  );
}

const isDay = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

function filterOf(filter: AuditFilter): SQL[] {
  const parts: SQL[] = [];
  const action = filter.action?.trim() ?? '';
  if (action !== '') {
    const exact = eq(auditLog.action, action);
    parts.push(or(exact, like(auditLog.action, `${action.replace(/[%_\\]/g, '\\$&')}.%`)) ?? exact);
  }
  if (isDay(filter.from)) parts.push(gte(auditLog.at, sql`${filter.from}::date`));
  if (isDay(filter.to)) parts.push(lt(auditLog.at, sql`${filter.to}::date + 1`));
  return parts;
}

/** The newest entries first, at most `limit`. */
export async function listAudit(
  db: Db,
  scope: { organisationId: number } | 'platform',
  filter: AuditFilter,
  limit = 500,
): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      details: auditLog.details,
      address: auditLog.address,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(scopeOf(scope), ...filterOf(filter)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The actions that occur in the scope, for the filter's choice list. */
export async function auditActions(
  db: Db,
  scope: { organisationId: number } | 'platform',
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(scopeOf(scope))
    .orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** The retention job: entries older than the period go (the table's trigger allows no younger ones). */
export async function removeOldAuditEntries(db: Db, months: number): Promise<number> {
  const removed = await db
    .delete(auditLog)
    .where(lt(auditLog.at, sql`now() - make_interval(months => ${months})`))
    .returning({ id: auditLog.id });
  return removed.length;
}
