import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { networkCoordinators, users } from '../../core/auth/auth.tables.ts';
import { networks, organisations } from '../../core/db/core.tables.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import { defaultLocale, type Locale } from '../../core/i18n/i18n.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import { casesMessage } from './cases.messages.ts';
import { isOpen, nextStatus } from './cases-rules.ts';
import type { MailSettings } from './guide.service.ts';
import { intakeMessage } from './intake.messages.ts';
import type { contactPreferences, urgencies } from './intake.tables.ts';
import {
  assignmentVersions,
  brigadeCases,
  caseEvents,
  type CaseCategory,
  type CaseStatus,
  type EventKind,
} from './intake.tables.ts';

export interface CaseInput {
  organisationId: number;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  category: CaseCategory;
  description: string;
  urgency: (typeof urgencies)[number];
  contactPreference: (typeof contactPreferences)[number];
  submittedByUserId: number | null;
  /** The submitted scan whose low connectivity answers the question starts from. */
  sourceScanId?: number | null;
}

export async function addEvent(
  tx: Db,
  caseId: number,
  actorUserId: number | null,
  kind: EventKind,
  details: Record<string, string | number | null>,
  isInternal: boolean,
) {
  await tx.insert(caseEvents).values({ caseId, actorUserId, kind, details, isInternal });
}

export async function submitCase(db: Db, input: CaseInput, settings: MailSettings): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(brigadeCases).values(input).returning({ id: brigadeCases.id });
    if (!row) throw new Error('case not stored');
    await addEvent(tx, row.id, input.submittedByUserId, 'submitted', { status: 'new' }, false);
    const params = {
      id: row.id,
      name: input.contactName,
      category: intakeMessage(settings.locale, `category.${input.category}`),
      operator: settings.operatorName,
    };
    await enqueueMail(tx, {
      to: input.contactEmail,
      subject: intakeMessage(settings.locale, 'brigade.mail.subject', params),
      text: intakeMessage(settings.locale, 'brigade.mail.body', params),
    });
    await mailCoordinators(tx, row.id, input, settings);
    await recordAudit(tx, {
      actorUserId: input.submittedByUserId,
      organisationId: input.organisationId,
      action: 'intake.case-submitted',
      details: { caseId: row.id },
    });
    return row.id;
  });
}

/** The intake network's coordinators hear of every new question, in the platform's language. */
async function mailCoordinators(tx: Db, caseId: number, input: CaseInput, settings: MailSettings) {
  const network = networkCodes.zuidHolland;
  const coordinators = await tx
    .select({ email: users.email })
    .from(networkCoordinators)
    .innerJoin(networks, eq(networks.id, networkCoordinators.networkId))
    .innerJoin(users, eq(users.id, networkCoordinators.userId))
    .where(eq(networks.code, network));
  if (coordinators.length === 0) return;
  const [organisation] = await tx
    .select({ name: organisations.displayName })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  const params = {
    id: caseId,
    organisation: organisation?.name ?? '',
    category: intakeMessage(defaultLocale, `category.${input.category}`),
    urgency: intakeMessage(defaultLocale, `urgency.${input.urgency}`),
    link: `${settings.publicUrl}/networks/${network}/brigade/${caseId}`,
    operator: settings.operatorName,
  };
  for (const { email } of coordinators)
    await enqueueMail(tx, {
      to: email,
      subject: intakeMessage(defaultLocale, 'brigade.coordinatorMail.subject', params),
      text: intakeMessage(defaultLocale, 'brigade.coordinatorMail.body', params),
    });
}

export async function lockCase(tx: Db, caseId: number) {
  const [row] = await tx.select().from(brigadeCases).where(eq(brigadeCases.id, caseId)).for('update');
  return row;
}

export type StatusChange = {
  to: CaseStatus;
  expectedStatus: CaseStatus;
  text: string;
  /** Null for a change through the API: the audit entry names the token. */
  actorUserId: number | null;
  locale: Locale;
  publicUrl: string;
  operatorName: string;
};

export type StatusResult =
  | { ok: true }
  | {
      ok: false;
      problem: 'notFound' | 'notAllowed' | 'outcomeRequired' | 'reasonRequired' | 'assignmentRequired';
    }
  | { ok: false; problem: 'conflict'; current: CaseStatus };

/** Moves a case one step on (or declines it) and mails the municipality in the same transaction. */
export async function changeStatus(db: Db, caseId: number, change: StatusChange): Promise<StatusResult> {
  return db.transaction(async (tx): Promise<StatusResult> => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, problem: 'notFound' };
    if (current.status !== change.expectedStatus)
      return { ok: false, problem: 'conflict', current: current.status };
    const isDecline = change.to === 'declined' && isOpen(current.status);
    if (!isDecline && nextStatus[current.status] !== change.to) return { ok: false, problem: 'notAllowed' };
    if (change.to === 'closed' && change.text === '') return { ok: false, problem: 'outcomeRequired' };
    if (change.to === 'declined' && change.text === '') return { ok: false, problem: 'reasonRequired' };
    if (change.to === 'experts' && current.assignment.trim() === '')
      return { ok: false, problem: 'assignmentRequired' };
    const isFinal = change.to === 'closed' || change.to === 'declined';
    await tx
      .update(brigadeCases)
      .set({
        status: change.to,
        ...(change.to === 'closed' ? { outcome: change.text } : {}),
        ...(change.to === 'declined' ? { declineReason: change.text } : {}),
        ...(isFinal ? { closedAt: sql`now()` } : {}),
      })
      .where(eq(brigadeCases.id, caseId));
    await addEvent(tx, caseId, change.actorUserId, 'status', { from: current.status, to: change.to }, false);
    await recordAudit(tx, {
      actorUserId: change.actorUserId,
      organisationId: current.organisationId,
      action: 'intake.case-status',
      details: { caseId, from: current.status, to: change.to },
    });
    if (current.contactEmail) await mailStatus(tx, current, change);
    return { ok: true };
  });
}

async function mailStatus(tx: Db, current: typeof brigadeCases.$inferSelect, change: StatusChange) {
  const [organisation] = await tx
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, current.organisationId));
  const params = {
    id: current.id,
    name: current.contactName ?? '',
    status: casesMessage(change.locale, `status.${change.to}`),
    link: `${change.publicUrl}/o/${organisation?.code ?? ''}/brigade/${current.id}`,
    operator: change.operatorName,
    text: change.text,
  };
  const body =
    change.to === 'closed' || change.to === 'declined' ? 'mail.status.bodyWithText' : 'mail.status.body';
  await enqueueMail(tx, {
    to: current.contactEmail ?? '',
    subject: casesMessage(change.locale, 'mail.status.subject', params),
    text: casesMessage(change.locale, body, params),
  });
}

export type AssignmentResult =
  | { ok: true; version: number }
  | { ok: false; problem: 'notFound' }
  | { ok: false; problem: 'conflict'; currentText: string; currentVersion: number };

/** Saves a new version of the assignment description unless someone saved one since the form was shown. */
export async function saveAssignment(
  db: Db,
  caseId: number,
  input: { text: string; expectedVersion: number; actorUserId: number | null },
): Promise<AssignmentResult> {
  return db.transaction(async (tx): Promise<AssignmentResult> => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, problem: 'notFound' };
    if (current.assignmentVersion !== input.expectedVersion) {
      return {
        ok: false,
        problem: 'conflict',
        currentText: current.assignment,
        currentVersion: current.assignmentVersion,
      };
    }
    const version = current.assignmentVersion + 1;
    await tx
      .update(brigadeCases)
      .set({ assignment: input.text, assignmentVersion: version })
      .where(eq(brigadeCases.id, caseId));
    await tx
      .insert(assignmentVersions)
      .values({ caseId, version, text: input.text, authorUserId: input.actorUserId });
    await addEvent(tx, caseId, input.actorUserId, 'assignment', { version }, false);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: current.organisationId,
      action: 'intake.case-assignment',
      details: { caseId, version },
    });
    return { ok: true, version };
  });
}

export async function setAssignee(
  db: Db,
  caseId: number,
  assigneeUserId: number | null,
  actorUserId: number | null,
) {
  await db.transaction(async (tx) => {
    const current = await lockCase(tx, caseId);
    if (!current || current.assigneeUserId === assigneeUserId) return;
    await tx.update(brigadeCases).set({ assigneeUserId }).where(eq(brigadeCases.id, caseId));
    await addEvent(tx, caseId, actorUserId, 'assignee', { assigneeUserId }, true);
    await recordAudit(tx, {
      actorUserId,
      action: 'intake.case-assignee',
      details: { caseId, assigneeUserId },
    });
  });
}

export async function addNote(db: Db, caseId: number, text: string, actorUserId: number | null) {
  await db.transaction(async (tx) => {
    await addEvent(tx, caseId, actorUserId, 'note', { text }, true);
    await recordAudit(tx, { actorUserId, action: 'intake.case-note', details: { caseId } });
  });
}
