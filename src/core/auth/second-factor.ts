import { randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openSecret, sealSecret } from '../db/secrets.ts';
import { memberships, users } from './auth.tables.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { recoveryCodes, secondFactors, signInPolicies } from './second-factor.tables.ts';
import { destroyUserSessions } from './sessions.ts';

/** The name an authenticator app shows above the code. */
const issuer = 'Routekaart';
export const recoveryCodeCount = 10;
/** One period (30 s) either side of now, for clocks that drift a little. */
const tolerance: [number, number] = [30, 30];
const recoveryAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface SecondFactorStatus {
  /** The user has a confirmed authenticator app. */
  isActive: boolean;
  /** Platform administrators, network coordinators and members of an organisation that requires it. */
  isRequired: boolean;
}

export async function secondFactorStatus(db: Db, userId: number): Promise<SecondFactorStatus> {
  const [row] = await db
    .select({
      // Written out with table names: drizzle leaves columns unqualified inside sql``.
      isActive: sql<boolean>`exists (select 1 from second_factors f
        where f.user_id = users.id and f.confirmed_at is not null)`,
      isRequired: sql<boolean>`users.is_platform_admin
        or exists (select 1 from network_coordinators c where c.user_id = users.id)
        or exists (select 1 from memberships m
          inner join sign_in_policies p on p.organisation_id = m.organisation_id
          where m.user_id = users.id and p.require_second_factor)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return { isActive: Boolean(row?.isActive), isRequired: Boolean(row?.isRequired) };
}

/** Whether an enrolment was started (its page shown) and not yet confirmed. */
export async function hasPendingEnrolment(db: Db, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.confirmedAt)));
  return row !== undefined;
}

/**
 * Starts (or continues) an enrolment: the seed and the otpauth:// address for the QR code. The
 * same seed comes back until it is confirmed, so that reloading the page keeps the app's entry valid.
 */
export async function startEnrolment(db: Db, userId: number, label: string) {
  const [existing] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (existing?.confirmedAt) return undefined;
  let secret = existing ? await openSecret(db, existing.secretSealed) : undefined;
  if (!secret) {
    secret = generateSecret();
    const secretSealed = await sealSecret(db, secret);
    await db.transaction(async (tx) => {
      const started = await tx
        .insert(secondFactors)
        .values({ userId, secretSealed })
        .onConflictDoNothing()
        .returning({ userId: secondFactors.userId });
      if (started.length > 0)
        await recordAudit(tx, { actorUserId: userId, action: 'user.second-factor-enrolment-started' });
    });
    return startEnrolment(db, userId, label);
  }
  return { secret, uri: generateURI({ issuer, label, secret }) };
}

/** The time step of a correct code after the last one used, or undefined. */
async function matchingStep(secret: string, code: string, lastUsedStep: number) {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: tolerance,
    afterTimeStep: lastUsedStep,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** Ten fresh codes such as `K7QX2-MP4TA`, shown once. */
function newRecoveryCodes(): string[] {
  const pick = () => recoveryAlphabet[randomInt(recoveryAlphabet.length)];
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, pick).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Confirms an enrolment with a first correct code; returns the recovery codes, or undefined. */
export async function confirmEnrolment(db: Db, userId: number, code: string): Promise<string[] | undefined> {
  const [pending] = await db
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.confirmedAt)));
  if (!pending) return undefined;
  const step = await matchingStep(await openSecret(db, pending.secretSealed), code.replace(/\s/g, ''), 0);
  if (step === undefined) return undefined;
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecoveryCode(c))));
  return db.transaction(async (tx) => {
    const confirmed = await tx
      .update(secondFactors)
      .set({ confirmedAt: sql`now()`, lastUsedStep: step })
      .where(and(eq(secondFactors.userId, userId), isNull(secondFactors.confirmedAt)))
      .returning({ userId: secondFactors.userId });
    if (confirmed.length !== 1) return undefined;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
    await recordAudit(tx, { actorUserId: userId, action: 'user.second-factor-enrolled' });
    return codes;
  });
}

/**
 * Checks a code from the app, or a recovery code, for a user with an active second factor. Each is
 * accepted once: the app's code by its time step, a recovery code by marking it used.
 */
export async function verifySecondFactor(
  db: Db,
  userId: number,
  code: string,
): Promise<'app' | 'recovery' | undefined> {
  const [factor] = await db
    .select()
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)));
  if (!factor) return undefined;
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = await matchingStep(await openSecret(db, factor.secretSealed), compact, factor.lastUsedStep);
    if (step === undefined) return undefined;
    const used = await db
      .update(secondFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(secondFactors.userId, userId), lt(secondFactors.lastUsedStep, step)))
      .returning({ userId: secondFactors.userId });
    return used.length === 1 ? 'app' : undefined;
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return undefined;
  const unused = await db
    .select()
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, normalised))) continue;
    return db.transaction(async (tx) => {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(and(eq(recoveryCodes.id, candidate.id), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (used.length !== 1) return undefined;
      await recordAudit(tx, { actorUserId: userId, action: 'user.recovery-code-used' });
      return 'recovery';
    });
  }
  return undefined;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Removes a user's second factor (an organisation administrator's re-enrolment path): the app and
 * the recovery codes stop working, the user's sessions end, and the next sign-in asks to enrol again.
 */
export async function resetSecondFactor(
  db: Db,
  input: { userId: number; actorUserId: number; organisationId: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(secondFactors).where(eq(secondFactors.userId, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await destroyUserSessions(tx, input.userId);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'user.second-factor-reset',
      details: { userId: input.userId },
    });
  });
}

export async function requiresSecondFactor(db: Db, organisationId: number): Promise<boolean> {
  const [row] = await db
    .select({ required: signInPolicies.requireSecondFactor })
    .from(signInPolicies)
    .where(eq(signInPolicies.organisationId, organisationId));
  return row?.required ?? false;
}

export async function setSecondFactorPolicy(
  db: Db,
  input: { organisationId: number; requireSecondFactor: boolean; actorUserId: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(signInPolicies)
      .values({ organisationId: input.organisationId, requireSecondFactor: input.requireSecondFactor })
      .onConflictDoUpdate({
        target: signInPolicies.organisationId,
        set: { requireSecondFactor: input.requireSecondFactor, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'organisation.second-factor-policy',
      details: { requireSecondFactor: input.requireSecondFactor },
    });
  });
}

/** Which members of an organisation have an active second factor (for the administrator's list). */
export async function membersWithSecondFactor(db: Db, organisationId: number): Promise<Set<number>> {
  const rows = await db
    .select({ userId: secondFactors.userId })
    .from(secondFactors)
    .innerJoin(memberships, eq(memberships.userId, secondFactors.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNotNull(secondFactors.confirmedAt)));
  return new Set(rows.map((r) => r.userId));
}
