import { createHash } from 'node:crypto';
import { eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { authThrottle } from './auth.tables.ts';

/**
 * Counters for the sign-in and reset-mail limits, kept in the database so that every app process
 * counts the same attempts. Keys are hashed: the table holds no addresses or e-mail addresses.
 */
export function throttleKey(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}:${value.trim().toLowerCase()}`).digest('hex');
}

/**
 * Growing delays instead of a lock: the first `free` failures cost nothing, then each further
 * attempt must wait `baseSeconds` × 2^(extra failures), at most `maxSeconds`. The count starts
 * afresh after `windowMinutes` without a failure.
 */
export interface DelayRule {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  windowMinutes: number;
}

export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(30, failures - rule.free));
}

/** Seconds until the key may try again (0: now), read without counting. */
export async function secondsToWait(db: Db, key: string, rule: DelayRule): Promise<number> {
  const [row] = await db
    .select({
      count: authThrottle.count,
      sinceLast: sql<number>`extract(epoch from now() - ${authThrottle.lastAt})::float8`,
    })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  if (!row || row.sinceLast > rule.windowMinutes * 60) return 0;
  return Math.max(0, Math.ceil(delayAfter(row.count, rule) - row.sinceLast));
}

/** Counts one use of the key, starting again at 1 when `restart` holds for the stored row. */
async function bump(db: Db, key: string, restart: SQL): Promise<number> {
  const [row] = await db
    .insert(authThrottle)
    .values({ key, count: 1 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${restart} then 1 else ${authThrottle.count} + 1 end`,
        firstAt: sql`case when ${restart} then now() else ${authThrottle.firstAt} end`,
        lastAt: sql`now()`,
      },
    })
    .returning({ count: authThrottle.count });
  return row?.count ?? 1;
}

/** Counts one failure for the key; returns the number of failures in the current window. */
export function countFailure(db: Db, key: string, rule: DelayRule): Promise<number> {
  // A window of failures ends when none came for `windowMinutes`.
  return bump(db, key, sql`${authThrottle.lastAt} < now() - make_interval(mins => ${rule.windowMinutes})`);
}

/**
 * A fixed allowance per window (reset mails): counts the use and says whether it is within
 * `limit` uses since the window opened. The window opens at the first use and lasts `windowMinutes`.
 */
export async function useAllowance(
  db: Db,
  key: string,
  limit: number,
  windowMinutes: number,
): Promise<boolean> {
  const ended = sql`${authThrottle.firstAt} < now() - make_interval(mins => ${windowMinutes})`;
  return (await bump(db, key, ended)) <= limit;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** Housekeeping: counters untouched for a day matter to no rule. */
export async function removeStaleCounters(db: Db): Promise<number> {
  const removed = await db
    .delete(authThrottle)
    .where(lt(authThrottle.lastAt, sql`now() - interval '1 day'`))
    .returning({ key: authThrottle.key });
  return removed.length;
}
