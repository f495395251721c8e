import {
  hashPassword,
  verifyPassword,
  checkPasswordStrength,
  type PasswordProblem,
} from '../../core/auth/passwords.ts';
import type { Role } from '../../core/auth/auth.tables.ts';
import { verifySecondFactor } from '../../core/auth/second-factor.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { accountsMessage } from './accounts.messages.ts';
import {
  clearFailedSignIns,
  consumeToken,
  countPlatformAdmins,
  findUsableToken,
  findUserByEmail,
  findUserById,
  insertToken,
  insertUser,
  recordFailedSignIn,
  revokeTokens,
  setPasswordHash,
  upsertMembership,
} from './accounts.queries.ts';

const lockAfterFailures = 5;
const lockMinutes = 15;
/** Verifying against a fixed hash costs as much as a real check, so timing does not reveal accounts. */
const decoyHash = hashPassword('decoy password that never matches anything');

export type SignInResult = { ok: true; userId: number } | { ok: false; problem: 'failed' | 'locked' };

export async function signIn(db: Db, email: string, password: string): Promise<SignInResult> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    await verifyPassword(await decoyHash, password);
    return { ok: false, problem: 'failed' };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, problem: 'locked' };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(db, user.id, lockAfterFailures, lockMinutes);
    return { ok: false, problem: user.failedSignIns + 1 >= lockAfterFailures ? 'locked' : 'failed' };
  }
  // The count of failures is cleared by signInSucceeded, once the session is made: a correct
  // password followed by wrong second-factor codes keeps counting (issue #15).
  return { ok: true, userId: user.id };
}

/** A wrong second-factor code counts towards the same limit as a wrong password. */
export async function signInSecondStep(
  db: Db,
  userId: number,
  code: string,
): Promise<{ ok: true; method: 'app' | 'recovery' } | { ok: false; problem: 'failed' | 'locked' }> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, problem: 'failed' };
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, problem: 'locked' };
  const method = await verifySecondFactor(db, userId, code);
  if (method) return { ok: true, method };
  await recordFailedSignIn(db, user.id, lockAfterFailures, lockMinutes);
  return { ok: false, problem: user.failedSignIns + 1 >= lockAfterFailures ? 'locked' : 'failed' };
}

/** Every way in ends here when the session is made: the count of failed attempts starts again. */
export async function signInSucceeded(db: Db, userId: number): Promise<void> {
  const user = await findUserById(db, userId);
  if (user && user.failedSignIns > 0) await clearFailedSignIns(db, user.id);
}

export type PasswordCheck = PasswordProblem | 'mismatch' | undefined;

export function checkNewPassword(password: string, confirmation: string, personal: string[]): PasswordCheck {
  return checkPasswordStrength(password, personal) ?? (password === confirmation ? undefined : 'mismatch');
}

/** Always behaves the same to the caller, so that the form does not reveal which addresses exist. */
export async function requestPasswordReset(db: Db, email: string, publicUrl: string, locale: Locale) {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  await db.transaction(async (tx) => {
    const token = await insertToken(tx, { purpose: 'password-reset', userId: user.id, validHours: 1 });
    await enqueueMail(tx, {
      to: user.email,
      subject: accountsMessage(locale, 'forgot.mail.subject'),
      text: accountsMessage(locale, 'forgot.mail.body', {
        name: user.name,
        link: `${publicUrl}/reset-password/${token}`,
      }),
    });
  });
}

export async function resetPassword(db: Db, token: string, password: string): Promise<number | undefined> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await findUsableToken(tx, token, 'password-reset');
    if (!link?.userId || !(await consumeToken(tx, link.id))) return undefined;
    await setPasswordHash(tx, link.userId, passwordHash);
    await recordAudit(tx, { actorUserId: link.userId, action: 'user.password-reset' });
    return link.userId;
  });
}

/** The one-time setup link, printed on the console while no platform administrator exists. */
export async function createSetupLinkIfNeeded(db: Db, publicUrl: string): Promise<string | undefined> {
  if ((await countPlatformAdmins(db)) > 0) return undefined;
  const token = await db.transaction(async (tx) => {
    await revokeTokens(tx, 'setup');
    return insertToken(tx, { purpose: 'setup', validHours: 24 });
  });
  return `${publicUrl}/setup/${token}`;
}

/** Whether a one-time link can still be used, so that a used or expired link shows why at once. */
export async function isLinkUsable(
  db: Db,
  token: string,
  purpose: 'setup' | 'password-reset',
): Promise<boolean> {
  const link = await findUsableToken(db, token, purpose);
  if (!link) return false;
  return purpose !== 'setup' || (await countPlatformAdmins(db)) === 0;
}

export type SetupResult = { ok: true; userId: number } | { ok: false; problem: 'invalidLink' | 'emailTaken' };

export async function createPlatformAdministrator(
  db: Db,
  token: string,
  values: { name: string; email: string; password: string },
): Promise<SetupResult> {
  const passwordHash = await hashPassword(values.password);
  return db.transaction(async (tx) => {
    const link = await findUsableToken(tx, token, 'setup');
    if (!link || (await countPlatformAdmins(tx)) > 0) return { ok: false, problem: 'invalidLink' };
    if (await findUserByEmail(tx, values.email)) return { ok: false, problem: 'emailTaken' };
    if (!(await consumeToken(tx, link.id))) return { ok: false, problem: 'invalidLink' };
    const user = await insertUser(tx, {
      name: values.name,
      email: values.email,
      passwordHash,
      isPlatformAdmin: true,
    });
    await recordAudit(tx, { actorUserId: user.id, action: 'user.platform-admin-created' });
    return { ok: true, userId: user.id };
  });
}

export async function describeInvitation(db: Db, token: string) {
  const link = await findUsableToken(db, token, 'invitation');
  if (!link?.email || !link.organisationId || !link.role) return undefined;
  const existing = await findUserByEmail(db, link.email);
  return {
    id: link.id,
    email: link.email,
    role: link.role,
    organisationId: link.organisationId,
    organisationName: link.organisationName ?? '',
    inviterName: link.inviterName ?? '',
    hasAccount: Boolean(existing?.passwordHash),
  };
}

export type AcceptResult = { ok: true; userId: number; role: Role; organisationName: string } | { ok: false };

/**
 * Accepts an invitation: for a new colleague it creates the account (name and password given);
 * for an existing one (signed in as the invited address) it adds the membership.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  account: { signedInUserId: number } | { name: string; password: string },
): Promise<AcceptResult> {
  const passwordHash = 'password' in account ? await hashPassword(account.password) : undefined;
  return db.transaction(async (tx) => {
    const invitation = await describeInvitation(tx, token);
    if (!invitation || !(await consumeToken(tx, invitation.id))) return { ok: false };
    let userId: number;
    const existing = await findUserByEmail(tx, invitation.email);
    if ('signedInUserId' in account) {
      if (existing?.id !== account.signedInUserId) return { ok: false };
      userId = existing.id;
    } else if (existing?.passwordHash || !passwordHash) {
      return { ok: false };
    } else if (existing) {
      await setPasswordHash(tx, existing.id, passwordHash);
      userId = existing.id;
    } else {
      userId = (await insertUser(tx, { email: invitation.email, name: account.name, passwordHash })).id;
    }
    await upsertMembership(tx, userId, invitation.organisationId, invitation.role);
    await recordAudit(tx, {
      actorUserId: userId,
      organisationId: invitation.organisationId,
      action: 'membership.invitation-accepted',
      details: { role: invitation.role },
    });
    return { ok: true, userId, role: invitation.role, organisationName: invitation.organisationName };
  });
}
