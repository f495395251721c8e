import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db, Tx } from '../../core/db/database.ts';
import { richTextToPlain } from '../../core/render/rich-text.ts';
import {
  practiceAttachments,
  practiceContactConsents,
  practices,
  type PracticeLink,
} from './practices.tables.ts';

export interface PracticeInput {
  title: string;
  summary: string;
  body: string;
  pillar: string;
  themes: string[];
  tasks: string[];
  periodStart: number;
  periodEnd: number | null;
  partners: string;
  results: string;
  lessons: string;
  contactUserId: number | null;
  links: PracticeLink[];
}

/** A file whose type was detected from its content (detectFileKind). */
export interface CheckedAttachment {
  filename: string;
  mime: string;
  data: Buffer;
}

export const maxAttachments = 10;

// Search highlighting uses \u0002 and \u0003 as markers (search.queries.ts): no stored text may hold them.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const clean = (text: string) => text.replace(controlCharacters, '');

function columnsOf(input: PracticeInput) {
  const body = clean(input.body);
  const results = clean(input.results);
  const lessons = clean(input.lessons);
  return {
    title: clean(input.title),
    summary: clean(input.summary),
    body,
    results,
    lessons,
    searchText: [richTextToPlain(body), results, lessons].filter((s) => s !== '').join(' '),
    pillar: input.pillar,
    themes: input.themes,
    tasks: input.tasks,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    partners: clean(input.partners),
    contactUserId: input.contactUserId,
    links: input.links,
  };
}

/** The contact person must be a member of the organisation who agreed to be shown. */
async function isConsentingMember(tx: Tx | Db, userId: number, organisationId: number): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(practiceContactConsents, eq(practiceContactConsents.userId, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  return row !== undefined;
}

async function addAttachments(
  tx: Tx,
  practiceId: number,
  files: CheckedAttachment[],
  actorId: number | null,
) {
  for (const file of files)
    await tx.insert(practiceAttachments).values({
      practiceId,
      filename: file.filename.slice(0, 200),
      mime: file.mime,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      uploadedByUserId: actorId,
    });
}

export type SaveProblem = 'contact' | 'tooManyAttachments' | 'notFound' | 'conflict';
export type SaveResult = { ok: true; practiceId: number } | { ok: false; problem: SaveProblem };

export async function createPractice(
  db: Db,
  o: {
    organisationId: number;
    actorId: number | null;
    input: PracticeInput;
    attachments: CheckedAttachment[];
  },
): Promise<SaveResult> {
  if (o.attachments.length > maxAttachments) return { ok: false, problem: 'tooManyAttachments' };
  return db.transaction(async (tx) => {
    if (
      o.input.contactUserId !== null &&
      !(await isConsentingMember(tx, o.input.contactUserId, o.organisationId))
    )
      return { ok: false, problem: 'contact' } as const;
    const [row] = await tx
      .insert(practices)
      .values({ ...columnsOf(o.input), organisationId: o.organisationId, authorUserId: o.actorId })
      .returning({ id: practices.id });
    if (!row) throw new Error('practice not created');
    await addAttachments(tx, row.id, o.attachments, o.actorId);
    await recordAudit(tx, {
      actorUserId: o.actorId,
      organisationId: o.organisationId,
      action: 'practice.create',
      details: { practiceId: row.id, attachments: o.attachments.length },
    });
    return { ok: true, practiceId: row.id } as const;
  });
}

export interface UpdateRequest {
  practiceId: number;
  organisationId: number;
  /** Null for a change through the API (the audit entry names the token). */
  actorId: number | null;
  expectedVersion: number;
  input: PracticeInput;
  attachments: CheckedAttachment[];
  removeAttachmentIds: number[];
}

async function keptAttachmentCount(tx: Tx, practiceId: number, removeIds: number[]): Promise<number> {
  const rows = await tx
    .select({ id: practiceAttachments.id })
    .from(practiceAttachments)
    .where(eq(practiceAttachments.practiceId, practiceId));
  return rows.filter((r) => !removeIds.includes(r.id)).length;
}

type AttachmentChange = Pick<UpdateRequest, 'practiceId' | 'actorId' | 'attachments' | 'removeAttachmentIds'>;

/** Removes and adds attachments of a practice whose version the caller just raised. */
async function changeAttachments(tx: Tx, o: AttachmentChange) {
  if (o.removeAttachmentIds.length > 0)
    await tx
      .delete(practiceAttachments)
      .where(
        and(
          eq(practiceAttachments.practiceId, o.practiceId),
          inArray(practiceAttachments.id, o.removeAttachmentIds),
        ),
      );
  await addAttachments(tx, o.practiceId, o.attachments, o.actorId);
}

/** Raises the version of the practice when it is still `expectedVersion`; false when it is not. */
async function raiseVersion(tx: Tx, o: UpdateRequest | AttachmentsRequest, columns = {}): Promise<boolean> {
  const [row] = await tx
    .update(practices)
    .set({ ...columns, version: sql`${practices.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(practices.id, o.practiceId),
        eq(practices.organisationId, o.organisationId),
        eq(practices.version, o.expectedVersion),
      ),
    )
    .returning({ id: practices.id });
  return row !== undefined;
}

export async function updatePractice(db: Db, o: UpdateRequest): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    if (
      o.input.contactUserId !== null &&
      !(await isConsentingMember(tx, o.input.contactUserId, o.organisationId))
    )
      return { ok: false, problem: 'contact' } as const;
    const kept = await keptAttachmentCount(tx, o.practiceId, o.removeAttachmentIds);
    if (kept + o.attachments.length > maxAttachments)
      return { ok: false, problem: 'tooManyAttachments' } as const;
    if (!(await raiseVersion(tx, o, columnsOf(o.input)))) return { ok: false, problem: 'conflict' } as const;
    await changeAttachments(tx, o);
    await recordAudit(tx, {
      actorUserId: o.actorId,
      organisationId: o.organisationId,
      action: 'practice.update',
      details: { practiceId: o.practiceId, added: o.attachments.length, removed: o.removeAttachmentIds },
    });
    return { ok: true, practiceId: o.practiceId } as const;
  });
}

export type AttachmentsRequest = Omit<UpdateRequest, 'input'>;

/**
 * Adds and removes attachments of a practice without touching its text (the API's upload and
 * delete): the same limit of {@link maxAttachments} and the same storage as the form's save, and
 * the practice's version goes up as it does there.
 */
export async function changePracticeAttachments(db: Db, o: AttachmentsRequest): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const kept = await keptAttachmentCount(tx, o.practiceId, o.removeAttachmentIds);
    if (kept + o.attachments.length > maxAttachments)
      return { ok: false, problem: 'tooManyAttachments' } as const;
    if (!(await raiseVersion(tx, o))) return { ok: false, problem: 'conflict' } as const;
    await changeAttachments(tx, o);
    await recordAudit(tx, {
      actorUserId: o.actorId,
      organisationId: o.organisationId,
      action: 'practice.attachments',
      details: { practiceId: o.practiceId, added: o.attachments.length, removed: o.removeAttachmentIds },
    });
    return { ok: true, practiceId: o.practiceId } as const;
  });
}

export type Audience = 'network' | 'public';

/** Publishing (or changing the audience) and withdrawing: only the author's organisation. */
export async function setPracticeStatus(
  db: Db,
  o: { practiceId: number; organisationId: number; actorId: number; status: Audience | 'withdrawn' },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const isWithdrawal = o.status === 'withdrawn';
    const [row] = await tx
      .update(practices)
      .set({
        status: o.status,
        version: sql`${practices.version} + 1`,
        updatedAt: sql`now()`,
        ...(isWithdrawal ? { withdrawnAt: sql`now()` } : { publishedAt: sql`now()`, withdrawnAt: null }),
      })
      .where(and(eq(practices.id, o.practiceId), eq(practices.organisationId, o.organisationId)))
      .returning({ id: practices.id });
    if (!row) return false;
    await recordAudit(tx, {
      actorUserId: o.actorId,
      organisationId: o.organisationId,
      action: isWithdrawal ? 'practice.withdraw' : 'practice.publish',
      details: { practiceId: o.practiceId, status: o.status },
    });
    return true;
  });
}

export async function setContactConsent(db: Db, userId: number, isGiven: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    if (isGiven) await tx.insert(practiceContactConsents).values({ userId }).onConflictDoNothing();
    else await tx.delete(practiceContactConsents).where(eq(practiceContactConsents.userId, userId));
    await recordAudit(tx, {
      actorUserId: userId,
      action: isGiven ? 'practice.contact.consent' : 'practice.contact.withdraw',
    });
  });
}
