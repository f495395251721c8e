import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { brigadeCases, caseEvents, guideRequests } from './intake.tables.ts';
import { removeOldSubmissionCounts } from './intake-spam.ts';

const clearedRequest = {
  name: null,
  email: null,
  role: null,
  purpose: null,
  organisationOther: null,
  tokenHash: null,
};
const clearedCase = { contactName: null, contactEmail: null, contactPhone: null };

/**
 * Removes the personal data of closed requests once the retention period has passed: handreiking
 * requests whose link has expired or that were closed, and Brigade questions closed or declined.
 * What remains (organisation, dates, counts, the case's substance) serves the province's reporting.
 * Idempotent, so several processes may run it at once.
 */
export async function removeExpiredPersonalData(db: Db, retentionMonths: number) {
  const cutoff = sql`now() - make_interval(months => ${retentionMonths})`;
  return db.transaction(async (tx) => {
    const requests = await tx
      .update(guideRequests)
      .set({ ...clearedRequest, anonymisedAt: sql`now()` })
      .where(
        and(
          isNull(guideRequests.anonymisedAt),
          lt(sql`coalesce(${guideRequests.closedAt}, ${guideRequests.tokenExpiresAt})`, cutoff),
        ),
      )
      .returning({ id: guideRequests.id });
    const cases = await tx
      .update(brigadeCases)
      .set({ ...clearedCase, anonymisedAt: sql`now()` })
      .where(and(isNull(brigadeCases.anonymisedAt), lt(brigadeCases.closedAt, cutoff)))
      .returning({ id: brigadeCases.id });
    for (const c of cases) {
      await tx.insert(caseEvents).values({ caseId: c.id, kind: 'anonymised', isInternal: true, details: {} });
    }
    if (requests.length + cases.length > 0) {
      await recordAudit(tx, {
        actorUserId: null,
        action: 'intake.retention',
        details: { requests: requests.length, cases: cases.length, retentionMonths },
      });
    }
    const counters = await removeOldSubmissionCounts(tx);
    return { requests: requests.length, cases: cases.length, counters };
  });
}

/** Everything the intake holds about one e-mail address, for a request under the GDPR (art. 15/20). */
export async function exportPersonalData(db: Db, email: string) {
  const address = email.toLowerCase();
  const requests = await db
    .select({
      id: guideRequests.id,
      name: guideRequests.name,
      email: guideRequests.email,
      organisation: organisations.displayName,
      organisationOther: guideRequests.organisationOther,
      role: guideRequests.role,
      purpose: guideRequests.purpose,
      requestedAt: guideRequests.createdAt,
      linkExpiresAt: guideRequests.tokenExpiresAt,
      downloads: guideRequests.downloadCount,
      lastDownloadAt: guideRequests.lastDownloadAt,
    })
    .from(guideRequests)
    .leftJoin(organisations, eq(organisations.id, guideRequests.organisationId))
    .where(eq(sql`lower(${guideRequests.email})`, address));
  const cases = await db
    .select({
      id: brigadeCases.id,
      organisation: organisations.displayName,
      contactName: brigadeCases.contactName,
      contactEmail: brigadeCases.contactEmail,
      contactPhone: brigadeCases.contactPhone,
      category: brigadeCases.category,
      description: brigadeCases.description,
      urgency: brigadeCases.urgency,
      contactPreference: brigadeCases.contactPreference,
      status: brigadeCases.status,
      submittedAt: brigadeCases.createdAt,
    })
    .from(brigadeCases)
    .innerJoin(organisations, eq(organisations.id, brigadeCases.organisationId))
    .where(eq(sql`lower(${brigadeCases.contactEmail})`, address));
  return {
    email: address,
    exportedAt: new Date().toISOString(),
    guideRequests: requests,
    brigadeQuestions: cases,
  };
}

/** Removes one person's data on request; the cases themselves stay, without who asked. */
export async function deletePersonalData(db: Db, email: string, actorUserId: number) {
  const address = email.toLowerCase();
  return db.transaction(async (tx) => {
    const requests = await tx
      .update(guideRequests)
      .set({
        ...clearedRequest,
        anonymisedAt: sql`now()`,
        tokenExpiresAt: sql`least(${guideRequests.tokenExpiresAt}, now())`,
      })
      .where(eq(sql`lower(${guideRequests.email})`, address))
      .returning({ id: guideRequests.id });
    const cases = await tx
      .update(brigadeCases)
      .set({ ...clearedCase, anonymisedAt: sql`now()` })
      .where(eq(sql`lower(${brigadeCases.contactEmail})`, address))
      .returning({ id: brigadeCases.id });
    const caseIds = cases.map((c) => c.id);
    if (caseIds.length > 0) {
      await tx.insert(caseEvents).values(
        caseIds.map((caseId) => ({
          caseId,
          kind: 'anonymised' as const,
          actorUserId,
          isInternal: true,
          details: {},
        })),
      );
    }
    // The audit record names no address: it would keep the data the requester asked to delete.
    await recordAudit(tx, {
      actorUserId,
      action: 'intake.personal-data-deleted',
      details: { requests: requests.map((r) => r.id), cases: caseIds },
    });
    return { requests: requests.length, cases: caseIds.length };
  });
}

/** The address of a request or case, so coordinators can act on it from a list row. */
export async function emailOfRequest(db: Db, requestId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ email: guideRequests.email })
    .from(guideRequests)
    .where(eq(guideRequests.id, requestId));
  return row?.email ?? undefined;
}

export async function hasPersonalData(db: Db, email: string): Promise<boolean> {
  const address = email.toLowerCase();
  const [request] = await db
    .select({ id: guideRequests.id })
    .from(guideRequests)
    .where(eq(sql`lower(${guideRequests.email})`, address))
    .limit(1);
  if (request) return true;
  const [found] = await db
    .select({ id: brigadeCases.id })
    .from(brigadeCases)
    .where(eq(sql`lower(${brigadeCases.contactEmail})`, address))
    .limit(1);
  return Boolean(found);
}
