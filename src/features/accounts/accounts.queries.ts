import { and, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  memberships,
  oneTimeTokens,
  passwordResetRequests,
  users,
  type Role,
  type TokenPurpose,
} from '../../core/auth/auth.tables.ts';
import { createToken, hashToken } from '../../core/auth/tokens.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user;
}

export async function findUserById(db: Db, id: number) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function countPlatformAdmins(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.isPlatformAdmin, true));
  return row?.n ?? 0;
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string | null; isPlatformAdmin?: boolean },
) {
  const [user] = await db
    .insert(users)
    .values({ ...values, email: normaliseEmail(values.email) })
    .returning();
  if (!user) throw new Error('insert into users returned nothing');
  return user;
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function upsertMembership(
  db: Db,
  userId: number,
  organisationId: number,
  role: Role,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ userId, organisationId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role } });
}

export interface NewToken {
  purpose: TokenPurpose;
  validHours: number;
  email?: string;
  userId?: number;
  organisationId?: number;
  role?: Role;
  createdByUserId?: number;
}

/** Stores a one-time link and returns the only copy of its secret part. */
export async function insertToken(db: Db, values: NewToken): Promise<string> {
  const token = createToken();
  const { validHours, ...rest } = values;
  await db.insert(oneTimeTokens).values({
    ...rest,
    id: hashToken(token),
    expiresAt: sql`now() + make_interval(hours => ${validHours})`,
  });
  return token;
}

export async function findUsableToken(db: Db, token: string, purpose: TokenPurpose) {
  const [row] = await db
    .select({
      id: oneTimeTokens.id,
      email: oneTimeTokens.email,
      userId: oneTimeTokens.userId,
      role: oneTimeTokens.role,
      organisationId: oneTimeTokens.organisationId,
      organisationName: organisations.displayName,
      inviterName: users.name,
    })
    .from(oneTimeTokens)
    .leftJoin(organisations, eq(organisations.id, oneTimeTokens.organisationId))
    .leftJoin(users, eq(users.id, oneTimeTokens.createdByUserId))
    .where(
      and(
        eq(oneTimeTokens.id, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Marks a link used; false when another request used it first, so a link works exactly once. */
export async function consumeToken(db: Db, tokenId: string): Promise<boolean> {
  const used = await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.id, tokenId),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: oneTimeTokens.id });
  return used.length === 1;
}

/** Marks every unused link of the purpose used; only the user's own when a user is given. */
export async function revokeTokens(db: Db, purpose: TokenPurpose, userId?: number): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        userId === undefined ? undefined : eq(oneTimeTokens.userId, userId),
      ),
    );
}

export async function insertResetRequest(db: Db, email: string, locale: string): Promise<void> {
  await db.insert(passwordResetRequests).values({ email: normaliseEmail(email), locale });
}

/** Takes waiting reset requests off the queue; a request is taken by exactly one process. */
export async function claimResetRequests(db: Db, limit = 50) {
  return db
    .delete(passwordResetRequests)
    .where(
      inArray(
        passwordResetRequests.id,
        db
          .select({ id: passwordResetRequests.id })
          .from(passwordResetRequests)
          .orderBy(passwordResetRequests.id)
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ email: passwordResetRequests.email, locale: passwordResetRequests.locale });
}
