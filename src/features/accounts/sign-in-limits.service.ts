import {
  clearFailures,
  countFailure,
  secondsToWait,
  throttleKey,
  useAllowance,
  type DelayRule,
} from '../../core/auth/throttle.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { accountsMessage } from './accounts.messages.ts';
import { findUserByEmail } from './accounts.queries.ts';

/**
 * The sign-in limits (issue 15, item 3). No lock: an attacker who guesses at someone's account
 * only makes each further try wait longer, up to a minute, and the owner's right password works
 * once that wait is over. Guessing from one address (also across accounts: password spraying)
 * waits up to a quarter of an hour. An unknown address is counted exactly like a known one, so the
 * answers do not tell which accounts exist.
 */
export const accountRule: DelayRule = { free: 5, baseSeconds: 1, maxSeconds: 60, windowMinutes: 60 };
export const addressRule: DelayRule = { free: 10, baseSeconds: 2, maxSeconds: 900, windowMinutes: 60 };
/** After this many failures in a row the owner gets a notice by mail (once per window). */
export const noticeAfterFailures = 5;
/** Reset mails per hour: per account, and per client address. */
export const resetMailsPerAccount = 3;
export const resetMailsPerAddress = 10;

const accountKey = (email: string) => throttleKey('sign-in-account', email);
const addressKey = (address: string) => throttleKey('sign-in-address', address);

/** Seconds before this account may be tried again from this address; 0 when it may now. */
export async function signInDelayFor(db: Db, email: string, address: string): Promise<number> {
  const [account, client] = await Promise.all([
    secondsToWait(db, accountKey(email), accountRule),
    secondsToWait(db, addressKey(address), addressRule),
  ]);
  return Math.max(account, client);
}

export interface FailedSignIn {
  email: string;
  address: string;
  locale: Locale;
  /**
   * Which step failed: the password, (issue 15, item 1) the second factor, or the current password
   * given again by a signed-in user to change it or to confirm a sensitive action.
   */
  step?: 'password' | 'second-factor' | 'password-change' | 'password-confirmation';
}

/**
 * Counts a failed sign-in against the account and the address, records it in the audit trail,
 * and tells the owner by mail when failures pile up. The same work for unknown addresses.
 */
export async function recordFailedSignIn(db: Db, failure: FailedSignIn): Promise<void> {
  await db.transaction(async (tx) => {
    const failures = await countFailure(tx, accountKey(failure.email), accountRule);
    await countFailure(tx, addressKey(failure.address), addressRule);
    const user = await findUserByEmail(tx, failure.email);
    await recordAudit(tx, {
      actorUserId: user?.id ?? null,
      action: 'sign-in.failed',
      details: { step: failure.step ?? 'password', failures, ...(user ? {} : { knownAccount: false }) },
      address: failure.address,
    });
    if (user && failures === noticeAfterFailures) {
      await enqueueMail(tx, {
        to: user.email,
        subject: accountsMessage(failure.locale, 'notice.mail.subject'),
        text: accountsMessage(failure.locale, 'notice.mail.body', {
          name: user.name,
          failures: String(failures),
        }),
      });
    }
  });
}

/** After a complete, successful sign-in: the account's count starts afresh. */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await clearFailures(db, accountKey(email));
}

export type ResetAllowance = 'allowed' | 'accountLimit' | 'addressLimit';

/** Whether another reset mail may go out; counts the request. */
export async function allowResetMail(db: Db, email: string, address: string): Promise<ResetAllowance> {
  const byAddress = await useAllowance(db, throttleKey('reset-address', address), resetMailsPerAddress, 60);
  if (!byAddress) return 'addressLimit';
  const byAccount = await useAllowance(db, throttleKey('reset-account', email), resetMailsPerAccount, 60);
  return byAccount ? 'allowed' : 'accountLimit';
}
