import { and, eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { confirmAuthentication, destroyUserSessions } from '../../core/auth/sessions.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { findUserById, revokeTokens } from './accounts.queries.ts';
import { passwordChangeMessage } from './password-change.messages.ts';
import { recordFailedSignIn, signInDelayFor, type FailedSignIn } from './sign-in-limits.service.ts';

/** Who asks: the signed-in user, in this session, from this address. */
export interface PasswordClient {
  userId: number;
  sessionId: string;
  address: string;
  locale: Locale;
}

export type PasswordProof =
  | { ok: true; user: { id: number; email: string; name: string; passwordHash: string } }
  /** The account signs in through its organisation only: it has no password to give. */
  | { ok: false; problem: 'noPassword' }
  | { ok: false; problem: 'wrongPassword' }
  | { ok: false; problem: 'wait'; seconds: number };

/**
 * Checks the password a signed-in user gives again. A wrong one counts towards the sign-in
 * limits of the account and the address, exactly like a wrong password at sign-in: a stolen
 * session cannot be used to guess the password at leisure.
 */
export async function provePassword(
  db: Db,
  client: PasswordClient,
  password: string,
  step: FailedSignIn['step'],
): Promise<PasswordProof> {
  const user = await findUserById(db, client.userId);
  if (!user?.passwordHash) return { ok: false, problem: 'noPassword' };
  const seconds = await signInDelayFor(db, user.email, client.address);
  if (seconds > 0) return { ok: false, problem: 'wait', seconds };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(db, { email: user.email, address: client.address, locale: client.locale, step });
    return { ok: false, problem: 'wrongPassword' };
  }
  return { ok: true, user: { ...user, passwordHash: user.passwordHash } };
}

/** The password given again for a sensitive action: this session counts as freshly signed in. */
export async function confirmPassword(
  db: Db,
  client: PasswordClient,
  password: string,
): Promise<Exclude<PasswordProof, { ok: true }> | { ok: true }> {
  const proof = await provePassword(db, client, password, 'password-confirmation');
  if (!proof.ok) return proof;
  await db.transaction(async (tx) => {
    await confirmAuthentication(tx, client.sessionId);
    await recordAudit(tx, { actorUserId: client.userId, action: 'session.password-confirmed' });
  });
  return { ok: true };
}

export type PasswordChangeResult =
  | { ok: true; sessionsEnded: number }
  | Exclude<PasswordProof, { ok: true }>
  /** Someone else changed the password in between (another session, a reset link). */
  | { ok: false; problem: 'changedMeanwhile' };

/**
 * Changes the password of a signed-in user who gave the current one. In one transaction: the new
 * hash (only over the hash that was checked, so a change in between is noticed), every other
 * session ended, every outstanding reset link made unusable, the audit entry and a notice to the
 * owner's address, so that a change they did not make does not go unnoticed.
 */
export async function changePassword(
  db: Db,
  client: PasswordClient,
  current: string,
  password: string,
): Promise<PasswordChangeResult> {
  const proof = await provePassword(db, client, current, 'password-change');
  if (!proof.ok) return proof;
  const { user } = proof;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
      .returning({ id: users.id });
    if (changed.length !== 1) return { ok: false, problem: 'changedMeanwhile' };
    await revokeTokens(tx, 'password-reset', user.id);
    const sessionsEnded = await destroyUserSessions(tx, user.id, client.sessionId);
    await confirmAuthentication(tx, client.sessionId);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.password-changed',
      details: { sessionsEnded },
    });
    const t = passwordChangeMessage.for(client.locale);
    await enqueueMail(tx, {
      to: user.email,
      subject: t('mail.subject'),
      text: t('mail.body', { name: user.name }),
    });
    return { ok: true, sessionsEnded };
  });
}
