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
  allowResetMail,
  clearFailedSignIns,
  recordFailedSignIn,
  signInDelayFor,
} from './sign-in-limits.service.ts';
import { destroyUserSessions } from '../../core/auth/sessions.ts';
import { defaultLocale, isLocale } from '../../core/i18n/i18n.ts';
import {
  claimResetRequests,
  consumeToken,
  countPlatformAdmins,
  findUsableToken,
  findUserByEmail,
  insertResetRequest,
  findUserById,
  insertToken,
  insertUser,
  revokeTokens,
  setPasswordHash,
  upsertMembership,
} from './accounts.queries.ts';

/** Verifying against a fixed hash costs as much as a real check, so timing does not reveal accounts. */
const decoyHash = hashPassword('decoy password that never matches anything');

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; problem: 'failed' }
  /** Too many recent failures for this account or address: try again after `seconds`. */
  | { ok: false; problem: 'wait'; seconds: number };

/**
 * Checks e-mail address and password within the limits of sign-in-limits.service.ts. Known and
 * unknown addresses take the same steps (a hash check, two counters, an audit entry).
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  client: { address: string; locale: Locale },
): Promise<SignInResult> {
  const seconds = await signInDelayFor(db, email, client.address);
  if (seconds > 0) return { ok: false, problem: 'wait', seconds };
  const user = await findUserByEmail(db, email);
  const isRight = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user?.passwordHash || !isRight) {
    await recordFailedSignIn(db, { email, ...client });
    return { ok: false, problem: 'failed' };
  }
  // Failures are cleared, and the sign-in recorded, by signInSucceeded once the session is made:
  // a correct password followed by wrong second-factor codes keeps counting (issue #15).
  return { ok: true, userId: user.id };
}

/** A wrong second-factor code counts towards the same limits as a wrong password. */
export async function signInSecondStep(
  db: Db,
  userId: number,
  code: string,
  client: { address: string; locale: Locale },
): Promise<
  | { ok: true; method: 'app' | 'recovery' }
  | { ok: false; problem: 'failed' }
  | { ok: false; problem: 'wait'; seconds: number }
> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, problem: 'failed' };
  const seconds = await signInDelayFor(db, user.email, client.address);
  if (seconds > 0) return { ok: false, problem: 'wait', seconds };
  const method = await verifySecondFactor(db, userId, code);
  if (method) return { ok: true, method };
  await recordFailedSignIn(db, { email: user.email, ...client, step: 'second-factor' });
  return { ok: false, problem: 'failed' };
}

/** Every way in ends here when the session is made: the failures start again, the sign-in is recorded. */
export async function signInSucceeded(db: Db, userId: number, address: string): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) return;
  await clearFailedSignIns(db, user.email);
  await db.transaction((tx) => recordAudit(tx, { actorUserId: user.id, action: 'sign-in', address }));
}

export type PasswordCheck = PasswordProblem | 'mismatch' | undefined;

export function checkNewPassword(password: string, confirmation: string, personal: string[]): PasswordCheck {
  return checkPasswordStrength(password, personal) ?? (password === confirmation ? undefined : 'mismatch');
}

/**
 * Always behaves the same to the caller, so that the form does not reveal which addresses exist:
 * the request is counted and queued whether or not the address is known, and the mail is made
 * afterwards by {@link sendPasswordResetMails}. False only when this client address asked too often.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  client: { address: string; locale: Locale },
): Promise<boolean> {
  const allowance = await allowResetMail(db, email, client.address);
  if (allowance === 'allowed') await insertResetRequest(db, email, client.locale);
  return allowance !== 'addressLimit';
}

/** The job behind forgot-password: a link and a mail for each queued request of a known account. */
export async function sendPasswordResetMails(db: Db, publicUrl: string): Promise<number> {
  return db.transaction(async (tx) => {
    let sent = 0;
    for (const request of await claimResetRequests(tx)) {
      const user = await findUserByEmail(tx, request.email);
      if (!user) continue;
      const locale = isLocale(request.locale) ? request.locale : defaultLocale;
      const token = await insertToken(tx, { purpose: 'password-reset', userId: user.id, validHours: 1 });
      await enqueueMail(tx, {
        to: user.email,
        subject: accountsMessage(locale, 'forgot.mail.subject'),
        text: accountsMessage(locale, 'forgot.mail.body', {
          name: user.name,
          link: `${publicUrl}/reset-password/${token}`,
        }),
      });
      await recordAudit(tx, {
        actorUserId: null,
        action: 'user.password-reset-mailed',
        details: { userId: user.id },
      });
      sent++;
    }
    return sent;
  });
}

/**
 * Sets the new password, ends every session of the user and makes every other reset link unusable:
 * whoever knew the old password or held an older link is out. The caller starts one new session.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<number | undefined> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await findUsableToken(tx, token, 'password-reset');
    if (!link?.userId || !(await consumeToken(tx, link.id))) return undefined;
    await setPasswordHash(tx, link.userId, passwordHash);
    await revokeTokens(tx, 'password-reset', link.userId);
    const sessionsEnded = await destroyUserSessions(tx, link.userId);
    await recordAudit(tx, {
      actorUserId: link.userId,
      action: 'user.password-reset',
      details: { sessionsEnded },
    });
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

export type AcceptResult =
  | { ok: true; userId: number; role: Role; organisationName: string }
  | { ok: false; problem: 'invalidLink' | 'wrongPerson' | 'signInFirst' };

/**
 * Accepts an invitation: for a new colleague it creates the account (name and password given);
 * for an existing one (signed in as the invited address) it adds the membership. The link is used
 * up only then, by the invited address, in the same transaction as the membership.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  account: { signedInUserId: number } | { name: string; password: string },
): Promise<AcceptResult> {
  const passwordHash = 'password' in account ? await hashPassword(account.password) : undefined;
  return db.transaction(async (tx) => {
    const invitation = await describeInvitation(tx, token);
    if (!invitation) return { ok: false, problem: 'invalidLink' };
    // Every check comes before the link is used up: a wrong person pressing accept leaves it intact.
    let userId: number;
    const existing = await findUserByEmail(tx, invitation.email);
    if ('signedInUserId' in account) {
      if (existing?.id !== account.signedInUserId) return { ok: false, problem: 'wrongPerson' };
      userId = existing.id;
    } else if (existing?.passwordHash || !passwordHash) {
      return { ok: false, problem: 'signInFirst' };
    } else if (!(await consumeToken(tx, invitation.id))) {
      return { ok: false, problem: 'invalidLink' };
    } else if (existing) {
      await setPasswordHash(tx, existing.id, passwordHash);
      userId = existing.id;
    } else {
      userId = (await insertUser(tx, { email: invitation.email, name: account.name, passwordHash })).id;
    }
    if ('signedInUserId' in account && !(await consumeToken(tx, invitation.id)))
      return { ok: false, problem: 'invalidLink' };
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
