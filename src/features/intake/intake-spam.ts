import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { submissionCounts, usedFormStamps } from './intake.tables.ts';

/**
 * Spam protection without third parties: a honeypot field that people never see, a minimum time
 * between showing the form and sending it (a signed time stamp, so a bot cannot forge it), and a
 * limit of submissions per client address and hour, counted in the database so that every app
 * process shares it. Each stamp carries a random part and is good for one submission only.
 */
export const honeypotField = 'website';
export const stampField = 'form_started';
export const minimumFillSeconds = 3;
/** A form older than this was not filled in by a person in one sitting; it is shown afresh. */
export const maximumFormAgeHours = 24;
export const submissionsPerHour = 5;

function signature(secret: string, issuedAt: number, nonce: string): string {
  return createHmac('sha256', secret).update(`intake-form:${issuedAt}:${nonce}`).digest('base64url');
}

/** The hidden field's value: when the form was shown and a random part, signed with the installation secret. */
export function signFormStamp(secret: string, issuedAt = Date.now()): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${issuedAt}.${nonce}.${signature(secret, issuedAt, nonce)}`;
}

export type SpamVerdict = 'ok' | 'honeypot' | 'tooFast' | 'stampInvalid';

export function checkHoneypotAndTime(
  secret: string,
  fields: { honeypot: string; stamp: string },
  now = Date.now(),
): SpamVerdict {
  if (fields.honeypot !== '') return 'honeypot';
  const [issued, nonce, signed] = fields.stamp.split('.');
  const issuedAt = Number(issued);
  if (!nonce || !signed || !Number.isSafeInteger(issuedAt)) return 'stampInvalid';
  const expected = Buffer.from(signature(secret, issuedAt, nonce));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'stampInvalid';
  const elapsedMs = now - issuedAt;
  if (elapsedMs > maximumFormAgeHours * 3_600_000) return 'stampInvalid';
  if (elapsedMs < minimumFillSeconds * 1000) return 'tooFast';
  return 'ok';
}

/**
 * Uses up a (checked) stamp: true the first time, false when it was sent before, so that a bot
 * cannot fetch one form and post it many times. One statement, so two processes agree.
 */
export async function useFormStamp(db: Db, stamp: string): Promise<boolean> {
  const nonce = stamp.split('.')[1] ?? '';
  const used = await db
    .insert(usedFormStamps)
    .values({ nonceHash: createHash('sha256').update(`stamp:${nonce}`).digest('hex') })
    .onConflictDoNothing()
    .returning({ nonceHash: usedFormStamps.nonceHash });
  return used.length === 1;
}

/** Only a hash of the address is kept: the counter needs no personal data. */
function addressKey(form: string, address: string): string {
  return createHash('sha256').update(`${form}:${address}`).digest('hex');
}

/**
 * Counts one submission for the address in the current hour and says whether it is within the
 * limit. One statement, so two processes counting at once both see the right total.
 */
export async function countSubmission(db: Db, form: string, address: string): Promise<boolean> {
  const [row] = await db
    .insert(submissionCounts)
    .values({ addressHash: addressKey(form, address), windowStart: sql`date_trunc('hour', now())`, count: 1 })
    .onConflictDoUpdate({
      target: [submissionCounts.addressHash, submissionCounts.windowStart],
      set: { count: sql`${submissionCounts.count} + 1` },
    })
    .returning({ count: submissionCounts.count });
  return (row?.count ?? 0) <= submissionsPerHour;
}

/**
 * The database's half of the checks, after the form is valid: the stamp's single use, then the
 * limit. Undefined when the submission may be stored; otherwise the status and message to show.
 */
export async function admitSubmission(
  db: Db,
  form: string,
  address: string,
  stamp: string,
): Promise<{ status: 400 | 429; problem: 'spam.stampInvalid' | 'spam.rateLimited' } | undefined> {
  if (!(await useFormStamp(db, stamp))) return { status: 400, problem: 'spam.stampInvalid' };
  if (!(await countSubmission(db, form, address))) return { status: 429, problem: 'spam.rateLimited' };
  return undefined;
}

export async function removeOldSubmissionCounts(db: Db): Promise<number> {
  // A used stamp older than a form may be is refused by its age anyway.
  await db
    .delete(usedFormStamps)
    .where(lt(usedFormStamps.usedAt, sql`now() - make_interval(hours => ${maximumFormAgeHours + 1})`));
  const removed = await db
    .delete(submissionCounts)
    .where(lt(submissionCounts.windowStart, sql`now() - interval '1 day'`))
    .returning({ hash: submissionCounts.addressHash });
  return removed.length;
}
