import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import type { TaskRunner } from '../../core/workers/worker-tasks.ts';
import type { Strategy } from '../strategy/index.ts';
import { loadCouncilLetterData } from './council-letter-data.ts';
import { insertLetter, listLetters } from './council-letter.queries.ts';
import type { DocumentLocale } from './document.model.ts';
import type { DocumentOrganisation } from './documents-build.ts';
import { insertVersion } from './documents.queries.ts';
import { documentTasks, fileNameOf } from './documents.service.ts';
import type { DocumentFormat } from './documents.tables.ts';

/**
 * Where the next letter's period starts by default: the day the previous letter was drafted, or, for
 * the first, the day the active version of the strategy was recorded.
 */
export async function defaultPeriodStart(
  db: Db,
  organisationId: number,
  strategy: Pick<Strategy, 'createdAt'>,
): Promise<{ day: string; previousLetterOn: string | null }> {
  const [latest] = await listLetters(db, organisationId);
  const previousLetterOn = latest ? isoDayInAmsterdam(latest.draftedAt) : null;
  return { day: previousLetterOn ?? isoDayInAmsterdam(strategy.createdAt), previousLetterOn };
}

export interface DraftRequest {
  organisation: DocumentOrganisation;
  strategy: Strategy;
  periodStart: string;
  locale: DocumentLocale;
  format: DocumentFormat;
  actor: { id: number; name: string };
  runner: TaskRunner;
}

/**
 * Drafts a letter: loads what it says, renders it in the worker pool, then keeps the letter (with its
 * content, for other formats later) and its file in one transaction with the audit record. When the
 * rendering fails nothing is kept, so the next letter's period still starts at the previous one.
 */
export async function draftCouncilLetter(
  db: Db,
  request: DraftRequest,
): Promise<{ letterId: number; versionId: number }> {
  const { organisation, strategy, actor } = request;
  const draftedAt = new Date();
  const { previousLetterOn } = await defaultPeriodStart(db, organisation.id, strategy);
  const content = await loadCouncilLetterData(db, {
    organisation,
    strategy,
    locale: request.locale,
    periodStart: request.periodStart,
    draftedAt,
    previousLetterOn,
  });
  const file = await request.runner.run(documentTasks.build, [
    { kind: 'council-letter', data: content },
    request.format,
  ]);
  return db.transaction(async (tx) => {
    const letterId = await insertLetter(tx, {
      organisationId: organisation.id,
      strategyId: strategy.id,
      strategyVersion: strategy.versionNumber,
      periodStart: request.periodStart,
      locale: request.locale,
      content,
      draftedByUserId: actor.id,
      draftedByName: actor.name,
      draftedAt,
    });
    const versionId = await insertVersion(tx, {
      organisationId: organisation.id,
      kind: 'council-letter',
      subjectId: letterId,
      version: 1,
      format: request.format,
      title: file.title,
      fileName: fileNameOf(file.title, organisation.code, 1, request.format),
      locale: file.locale,
      data: file.data,
      createdByUserId: actor.id,
      createdByName: actor.name,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: organisation.id,
      action: 'document.councilLetter.drafted',
      details: {
        letterId,
        strategyId: strategy.id,
        strategyVersion: strategy.versionNumber,
        periodStart: request.periodStart,
        format: request.format,
        bytes: file.data.length,
      },
    });
    return { letterId, versionId };
  });
}
