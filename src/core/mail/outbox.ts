import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import { outbox } from './mail.tables.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Queue a mail in the caller's transaction: it is sent only if the change it belongs to commits. */
export async function enqueueMail(tx: Db, message: MailMessage): Promise<void> {
  await tx.insert(outbox).values({ recipient: message.to, subject: message.subject, textBody: message.text });
}

export const maxAttempts = 8;
/** 1 min, 2, 4 … capped at one hour between attempts. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}

export interface Mailer {
  /** Sends what is due; returns how many were sent. Safe to call from several processes at once. */
  deliverDue(): Promise<{ sent: number; failed: number }>;
  isConfigured: boolean;
  close(): void;
}

export function createMailer(db: Db, smtpUrl: string | undefined, from: string): Mailer {
  // Time-outs well inside the 2-minute claim, so that a hanging server cannot lead to a second send.
  const transport = smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      })
    : undefined;

  async function claimDue() {
    // Claim a batch briefly: the rows are leased, so no transaction stays open while SMTP talks.
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'pending'),
            lte(outbox.nextAttemptAt, sql`now()`),
            sql`(${outbox.claimedUntil} is null or ${outbox.claimedUntil} < now())`,
          ),
        )
        .orderBy(outbox.id)
        .limit(20)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(outbox)
        .set({ claimedUntil: sql`now() + interval '2 minutes'`, attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  return {
    isConfigured: transport !== undefined,
    async deliverDue() {
      if (!transport) return { sent: 0, failed: 0 };
      let sent = 0;
      let failed = 0;
      for (const mail of await claimDue()) {
        try {
          await transport.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.textBody });
          await db
            .update(outbox)
            .set({ status: 'sent', sentAt: sql`now()`, claimedUntil: null, lastError: null })
            .where(eq(outbox.id, mail.id));
          sent++;
        } catch (error) {
          const giveUp = mail.attempts >= maxAttempts;
          await db
            .update(outbox)
            .set({
              status: giveUp ? 'failed' : 'pending',
              claimedUntil: null,
              lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
              nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(mail.attempts)})`,
            })
            .where(eq(outbox.id, mail.id));
          failed++;
        }
      }
      // Delivered mail holds personal data; the privacy statement promises 30 days at most.
      await db
        .delete(outbox)
        .where(and(eq(outbox.status, 'sent'), lte(outbox.sentAt, sql`now() - interval '30 days'`)));
      return { sent, failed };
    },
    close() {
      transport?.close();
    },
  };
}
