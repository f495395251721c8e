import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { Framework } from '../framework/index.ts';
import { findQuestion, getFramework } from '../framework/index.ts';
import { scanMessage } from './scan.messages.ts';
import { lockScan, memberIds, type ScanRow } from './scan.queries.ts';
import { computeResults, type Results } from './scan-scoring.ts';
import {
  scanAnswers,
  scanConsensus,
  scanRespondents,
  scans,
  scanScores,
  type Response,
} from './scan.tables.ts';
import { effectiveAnswers, openDisagreements } from './effective-answers.ts';

export interface AnswerInput {
  questionId: string;
  response: Response;
  currentLevel: number | null;
  targetLevel: number | null;
  note: string;
  evidence: string[];
}

export type AnswerProblem =
  'unknownQuestion' | 'levelOutOfRange' | 'levelMissing' | 'badEvidence' | 'noteTooLong';

/** Checks one answer against the scan's framework version; undefined when it is acceptable. */
export function checkAnswer(framework: Framework, input: AnswerInput): AnswerProblem | undefined {
  if (!findQuestion(framework, input.questionId)) return 'unknownQuestion';
  const inRange = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1 && n <= 5);
  if (!inRange(input.currentLevel) || !inRange(input.targetLevel)) return 'levelOutOfRange';
  if (input.response === 'level' && input.currentLevel === null) return 'levelMissing';
  if (input.note.length > 4000) return 'noteTooLong';
  if (
    input.evidence.length > 10 ||
    input.evidence.some((e) => !/^https?:\/\/\S+$/.test(e) || e.length > 1000)
  ) {
    return 'badEvidence';
  }
  return undefined;
}

function stored(input: AnswerInput) {
  const isLevel = input.response === 'level';
  return {
    questionId: input.questionId,
    response: input.response,
    currentLevel: isLevel ? input.currentLevel : null,
    targetLevel: isLevel ? input.targetLevel : null,
    note: input.note,
    evidence: input.evidence,
    updatedAt: sql`now()`,
  };
}

export interface CreateScanInput {
  organisation: { id: number; displayName: string };
  frameworkVersion: string;
  period: number;
  title: string;
  respondentIds: number[];
  actor: { id: number; name: string };
  locale: Locale;
  publicUrl: string;
  code: string;
}

export async function createScan(
  db: Db,
  input: CreateScanInput,
): Promise<{ ok: true; scanId: number } | { ok: false; problem: 'notMembers' }> {
  return db.transaction(async (tx) => {
    const members = await memberIds(tx, input.organisation.id, input.respondentIds);
    if (members.length !== new Set(input.respondentIds).size)
      return { ok: false as const, problem: 'notMembers' as const };
    const [scan] = await tx
      .insert(scans)
      .values({
        organisationId: input.organisation.id,
        frameworkVersion: input.frameworkVersion,
        period: input.period,
        title: input.title,
        createdByUserId: input.actor.id,
      })
      .returning({ id: scans.id });
    if (!scan) throw new Error('scan not created');
    if (members.length > 0)
      await tx.insert(scanRespondents).values(members.map((userId) => ({ scanId: scan.id, userId })));
    await inviteRespondents(tx, input, scan.id, members);
    await recordAudit(tx, {
      actorUserId: input.actor.id,
      organisationId: input.organisation.id,
      action: 'scan.created',
      details: { scanId: scan.id, period: input.period, respondents: members.length },
    });
    return { ok: true as const, scanId: scan.id };
  });
}

async function inviteRespondents(tx: Db, input: CreateScanInput, scanId: number, userIds: number[]) {
  const link = `${input.publicUrl}/o/${input.code}/scans/${scanId}/answer`;
  for (const userId of userIds) {
    const [user] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) continue;
    const params = {
      name: user.name,
      inviter: input.actor.name,
      title: input.title,
      organisation: input.organisation.displayName,
      link,
    };
    await enqueueMail(tx, {
      to: user.email,
      subject: scanMessage(input.locale, 'mail.invited.subject', params),
      text: scanMessage(input.locale, 'mail.invited.body', params),
    });
  }
}

export type SaveResult =
  | { ok: true }
  | { ok: false; problem: 'submitted' }
  | { ok: false; problem: 'invalid'; errors: Map<string, AnswerProblem> };

/** Saves a respondent's answers: all of them or none. */
export async function saveAnswers(
  db: Db,
  scan: ScanRow,
  userId: number,
  inputs: AnswerInput[],
): Promise<SaveResult> {
  const framework = getFramework(scan.frameworkVersion);
  const errors = new Map<string, AnswerProblem>();
  for (const input of inputs) {
    const problem = checkAnswer(framework, input);
    if (problem) errors.set(input.questionId, problem);
  }
  if (errors.size > 0) return { ok: false, problem: 'invalid', errors };
  return db.transaction(async (tx): Promise<SaveResult> => {
    const current = await lockScan(tx, scan.id);
    if (current?.status !== 'draft') return { ok: false, problem: 'submitted' };
    for (const input of inputs) {
      const values = stored(input);
      await tx
        .insert(scanAnswers)
        .values({ scanId: scan.id, userId, ...values })
        .onConflictDoUpdate({
          target: [scanAnswers.scanId, scanAnswers.userId, scanAnswers.questionId],
          set: values,
        });
    }
    if (inputs.length > 0)
      await recordAudit(tx, {
        actorUserId: userId,
        organisationId: scan.organisationId,
        action: 'scan.answers-saved',
        details: { scanId: scan.id, questionIds: inputs.map((input) => input.questionId) },
      });
    return { ok: true };
  });
}

export type ConsensusResult =
  | { ok: true }
  | { ok: false; problem: 'submitted' | AnswerProblem }
  | { ok: false; problem: 'conflict'; current: AnswerInput & { updatedBy: string | null } };

/**
 * Records the team's agreed answer. `expectedVersion` is the version the editor saw (0 for none):
 * when another editor saved in between, nothing is written and both values are returned.
 */
export async function saveConsensus(
  db: Db,
  scan: ScanRow,
  input: AnswerInput,
  expectedVersion: number,
  actorUserId: number,
): Promise<ConsensusResult> {
  const problem = checkAnswer(getFramework(scan.frameworkVersion), input);
  if (problem) return { ok: false, problem };
  return db.transaction(async (tx): Promise<ConsensusResult> => {
    const current = await lockScan(tx, scan.id);
    if (current?.status !== 'draft') return { ok: false, problem: 'submitted' };
    const [existing] = await tx
      .select()
      .from(scanConsensus)
      .where(and(eq(scanConsensus.scanId, scan.id), eq(scanConsensus.questionId, input.questionId)))
      .for('update');
    if ((existing?.version ?? 0) !== expectedVersion && existing) {
      const [who] = existing.updatedByUserId
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, existing.updatedByUserId))
        : [];
      return { ok: false, problem: 'conflict', current: { ...existing, updatedBy: who?.name ?? null } };
    }
    const values = { ...stored(input), updatedByUserId: actorUserId };
    if (existing) {
      await tx
        .update(scanConsensus)
        .set({ ...values, version: existing.version + 1 })
        .where(and(eq(scanConsensus.scanId, scan.id), eq(scanConsensus.questionId, input.questionId)));
    } else {
      await tx.insert(scanConsensus).values({ scanId: scan.id, ...values });
    }
    await recordAudit(tx, {
      actorUserId,
      organisationId: scan.organisationId,
      action: 'scan.consensus-saved',
      details: {
        scanId: scan.id,
        questionId: input.questionId,
        response: input.response,
        level: input.currentLevel,
      },
    });
    return { ok: true };
  });
}

export type SubmitResult =
  | { ok: true; results: Results }
  | { ok: false; problem: 'notDraft' | 'nothingAnswered' }
  | { ok: false; problem: 'disagreements'; questionIds: string[] };

/** Locks the scan and stores its scores, unless disagreements are still open. */
export async function submitScan(db: Db, scan: ScanRow, actorUserId: number): Promise<SubmitResult> {
  return db.transaction(async (tx): Promise<SubmitResult> => {
    const current = await lockScan(tx, scan.id);
    if (current?.status !== 'draft') return { ok: false, problem: 'notDraft' };
    const open = await openDisagreements(tx, current);
    if (open.length > 0) return { ok: false, problem: 'disagreements', questionIds: open };
    const answers = await effectiveAnswers(tx, current);
    const results = computeResults(getFramework(current.frameworkVersion), answers);
    if (results.overall.answered === 0) return { ok: false, problem: 'nothingAnswered' };
    const rows = [
      ...results.themes.map((s) => ({ ...s, kind: 'theme' as const })),
      ...results.pillars.map((s) => ({ ...s, kind: 'pillar' as const })),
      { ...results.overall, kind: 'overall' as const },
    ].map((s) => ({
      scanId: scan.id,
      kind: s.kind,
      key: s.key,
      score: s.score,
      target: s.target,
      answered: s.answered,
      questions: s.questions,
    }));
    await tx.delete(scanScores).where(eq(scanScores.scanId, scan.id));
    await tx.insert(scanScores).values(rows);
    await tx
      .update(scans)
      .set({ status: 'submitted', submittedAt: sql`now()`, submittedByUserId: actorUserId })
      .where(eq(scans.id, scan.id));
    await recordAudit(tx, {
      actorUserId,
      organisationId: scan.organisationId,
      action: 'scan.submitted',
      details: { scanId: scan.id },
    });
    return { ok: true, results };
  });
}

export async function reopenScan(db: Db, scan: ScanRow, actorUserId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const current = await lockScan(tx, scan.id);
    if (current?.status !== 'submitted') return false;
    await tx.delete(scanScores).where(eq(scanScores.scanId, scan.id));
    await tx
      .update(scans)
      .set({ status: 'draft', reopenedAt: sql`now()`, reopenedByUserId: actorUserId })
      .where(eq(scans.id, scan.id));
    await recordAudit(tx, {
      actorUserId,
      organisationId: scan.organisationId,
      action: 'scan.reopened',
      details: { scanId: scan.id },
    });
    return true;
  });
}
