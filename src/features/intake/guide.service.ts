import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { createToken, hashToken } from '../../core/auth/tokens.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { looselyMatches } from '../../core/db/loose-match.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { formatDate, type Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { intakeMessage } from './intake.messages.ts';
import { guideDocuments, guideRequests } from './intake.tables.ts';

export const linkValidDays = 30;

export interface GuideRequestInput {
  name: string;
  email: string;
  organisationId: number | null;
  organisationOther: string | null;
  role: string;
  purpose: string | null;
}

export interface MailSettings {
  locale: Locale;
  publicUrl: string;
  operatorName: string;
}

function downloadMail(settings: MailSettings, name: string, token: string, expiresAt: Date) {
  const params = {
    name,
    link: `${settings.publicUrl}/handreiking/download/${token}`,
    expires: formatDate(settings.locale, expiresAt),
    operator: settings.operatorName,
  };
  return {
    subject: intakeMessage(settings.locale, 'guide.mail.subject'),
    text: intakeMessage(settings.locale, 'guide.mail.body', params),
  };
}

/** Stores the request and queues the mail with the personal link in one transaction. */
export async function requestGuide(
  db: Db,
  input: GuideRequestInput,
  settings: MailSettings,
): Promise<number> {
  const token = createToken();
  const expiresAt = new Date(Date.now() + linkValidDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(guideRequests)
      .values({
        ...input,
        email: input.email.toLowerCase(),
        tokenHash: hashToken(token),
        tokenExpiresAt: expiresAt,
      })
      .returning({ id: guideRequests.id });
    if (!row) throw new Error('guide request not stored');
    await enqueueMail(tx, { to: input.email, ...downloadMail(settings, input.name, token, expiresAt) });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'intake.guide-requested',
      details: { requestId: row.id },
    });
    return row.id;
  });
}

/** A new link (the old one stops working) with a new 30-day term, mailed to the requester. */
export async function renewGuideLink(db: Db, requestId: number, actorUserId: number, settings: MailSettings) {
  const token = createToken();
  const expiresAt = new Date(Date.now() + linkValidDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(guideRequests)
      .set({ tokenHash: hashToken(token), tokenExpiresAt: expiresAt, closedAt: null })
      .where(
        and(
          eq(guideRequests.id, requestId),
          isNull(guideRequests.anonymisedAt),
          isNotNull(guideRequests.email),
        ),
      )
      .returning({ name: guideRequests.name, email: guideRequests.email });
    if (!row?.email) return false;
    await enqueueMail(tx, { to: row.email, ...downloadMail(settings, row.name ?? '', token, expiresAt) });
    await recordAudit(tx, { actorUserId, action: 'intake.guide-link-renewed', details: { requestId } });
    return true;
  });
}

export async function closeGuideRequest(db: Db, requestId: number, actorUserId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(guideRequests)
      .set({ closedAt: sql`now()`, tokenExpiresAt: sql`least(${guideRequests.tokenExpiresAt}, now())` })
      .where(and(eq(guideRequests.id, requestId), isNull(guideRequests.closedAt)));
    await recordAudit(tx, { actorUserId, action: 'intake.guide-request-closed', details: { requestId } });
  });
}

export type LinkState = { ok: true; requestId: number; expiresAt: Date } | { ok: false };

export async function findValidLink(db: Db, token: string): Promise<LinkState> {
  const [row] = await db
    .select({ id: guideRequests.id, expiresAt: guideRequests.tokenExpiresAt })
    .from(guideRequests)
    .where(and(eq(guideRequests.tokenHash, hashToken(token)), gt(guideRequests.tokenExpiresAt, sql`now()`)));
  return row ? { ok: true, requestId: row.id, expiresAt: row.expiresAt } : { ok: false };
}

export async function currentDocumentInfo(db: Db) {
  const [row] = await db
    .select({
      id: guideDocuments.id,
      version: guideDocuments.version,
      filename: guideDocuments.filename,
      sizeBytes: guideDocuments.sizeBytes,
      uploadedAt: guideDocuments.uploadedAt,
    })
    .from(guideDocuments)
    .orderBy(desc(guideDocuments.version))
    .limit(1);
  return row;
}

export async function listDocumentVersions(db: Db) {
  return db
    .select({
      id: guideDocuments.id,
      version: guideDocuments.version,
      filename: guideDocuments.filename,
      sizeBytes: guideDocuments.sizeBytes,
      sha256: guideDocuments.sha256,
      uploadedAt: guideDocuments.uploadedAt,
    })
    .from(guideDocuments)
    .orderBy(desc(guideDocuments.version));
}

export async function documentFile(db: Db, where: SQL | undefined) {
  const [row] = await db
    .select({ version: guideDocuments.version, filename: guideDocuments.filename, data: guideDocuments.data })
    .from(guideDocuments)
    .where(where)
    .orderBy(desc(guideDocuments.version))
    .limit(1);
  return row;
}

/** Hands out the current version through a valid link, and counts the download. */
export async function downloadThroughLink(db: Db, token: string) {
  const link = await findValidLink(db, token);
  if (!link.ok) return undefined;
  const file = await documentFile(db, undefined);
  if (!file) return undefined;
  await db.transaction(async (tx) => {
    await tx
      .update(guideRequests)
      .set({ downloadCount: sql`${guideRequests.downloadCount} + 1`, lastDownloadAt: sql`now()` })
      .where(eq(guideRequests.id, link.requestId));
    await recordAudit(tx, {
      actorUserId: null,
      action: 'intake.guide-downloaded',
      details: { requestId: link.requestId },
    });
  });
  return file;
}

/** A new version; the table's unique version number makes two simultaneous uploads number apart. */
export async function uploadDocument(db: Db, file: { filename: string; data: Buffer }, actorUserId: number) {
  return db.transaction(async (tx) => {
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${guideDocuments.version}), 0)::int + 1` })
      .from(guideDocuments);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const safeName = file.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'handreiking.pdf';
    await tx.insert(guideDocuments).values({
      version: next,
      filename: safeName,
      sizeBytes: file.data.length,
      sha256,
      data: file.data,
      uploadedByUserId: actorUserId,
    });
    await recordAudit(tx, {
      actorUserId,
      action: 'intake.guide-uploaded',
      details: { version: next, sha256 },
    });
    return next;
  });
}

export const requestStates = ['active', 'expired', 'closed', 'removed'] as const;
export type RequestState = (typeof requestStates)[number];

export function stateOf(row: {
  anonymisedAt: Date | null;
  closedAt: Date | null;
  isExpired: boolean;
}): RequestState {
  if (row.anonymisedAt) return 'removed';
  if (row.closedAt) return 'closed';
  return row.isExpired ? 'expired' : 'active';
}

const stateFilters: Record<RequestState, SQL> = {
  removed: sql`${guideRequests.anonymisedAt} is not null`,
  closed: sql`${guideRequests.anonymisedAt} is null and ${guideRequests.closedAt} is not null`,
  expired: sql`${guideRequests.anonymisedAt} is null and ${guideRequests.closedAt} is null and ${guideRequests.tokenExpiresAt} <= now()`,
  active: sql`${guideRequests.closedAt} is null and ${guideRequests.tokenExpiresAt} > now()`,
};

export async function listGuideRequests(db: Db, filter: { state?: RequestState; search?: string }) {
  const conditions: SQL[] = [];
  if (filter.state) conditions.push(stateFilters[filter.state]);
  if (filter.search) {
    const columns = [
      guideRequests.name,
      guideRequests.email,
      guideRequests.organisationOther,
      organisations.displayName,
      guideRequests.role,
    ];
    conditions.push(
      looselyMatches(
        columns.map((c) => sql`${c}`),
        filter.search,
      ),
    );
  }
  const rows = await db
    .select({
      id: guideRequests.id,
      name: guideRequests.name,
      email: guideRequests.email,
      organisation: sql<
        string | null
      >`coalesce(${organisations.displayName}, ${guideRequests.organisationOther})`,
      role: guideRequests.role,
      purpose: guideRequests.purpose,
      createdAt: guideRequests.createdAt,
      expiresAt: guideRequests.tokenExpiresAt,
      downloadCount: guideRequests.downloadCount,
      lastDownloadAt: guideRequests.lastDownloadAt,
      closedAt: guideRequests.closedAt,
      anonymisedAt: guideRequests.anonymisedAt,
      isExpired: sql<boolean>`${guideRequests.tokenExpiresAt} <= now()`,
    })
    .from(guideRequests)
    .leftJoin(organisations, eq(organisations.id, guideRequests.organisationId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(guideRequests.createdAt), desc(guideRequests.id))
    .limit(1000);
  return rows.map((row) => ({ ...row, state: stateOf(row) }));
}

export type GuideRequestRow = Awaited<ReturnType<typeof listGuideRequests>>[number];
