import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, organisationOf } from '../../core/http/context.ts';
import { HttpError, notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { idParam } from '../../core/http/params.ts';
import { councilLettersPath } from '../../core/http/paths.ts';
import { dateProblemMessage, readDate } from '../../core/i18n/dutch-input.ts';
import { formatCalendarDay, isLocale, isoDayInAmsterdam, type Locale } from '../../core/i18n/i18n.ts';
import { pageContext } from '../../core/render/layout.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { getActiveStrategy, type Strategy } from '../strategy/index.ts';
import { councilLetterMessage } from './council-letter.messages.ts';
import { findLetter, listLetters } from './council-letter.queries.ts';
import { defaultPeriodStart, draftCouncilLetter } from './council-letter.service.ts';
import { letterPage, lettersPage, type DraftOutcome, type DraftValues } from './council-letter.views.ts';
import { listVersions } from './documents.queries.ts';
import { exportDocument } from './documents.service.ts';
import { documentFormats } from './documents.tables.ts';
import { documentsMessage } from './documents.messages.ts';
import { noSubjectPage } from './documents.views.ts';

type LetterParams = { Params: { code: string; letterId: string }; Querystring: { made?: string } };

/**
 * The period's first day as typed: a date (31-12-2026 or 2026-12-31, as the date input sends it), not
 * after today and not before 2000. Each refusal says what to type, and the form keeps what was typed.
 */
export function checkPeriodStart(
  locale: Locale,
  typed: string,
  today: string,
): { day?: string; error?: string } {
  const t = councilLetterMessage.for(locale);
  if (typed === '') return { error: t('draft.periodStart.empty', { example: '01-01-2026' }) };
  const reading = readDate(typed);
  if (!reading.ok) return { error: dateProblemMessage(locale, typed) };
  if (reading.value > today)
    return { error: t('draft.periodStart.future', { today: formatCalendarDay(locale, today) }) };
  if (reading.value < '2000-01-01') return { error: t('draft.periodStart.tooEarly') };
  return { day: reading.value };
}

async function lettersOf(request: FastifyRequest) {
  const organisation = organisationOf(request);
  const db = dbOf(request);
  const [letters, versions] = await Promise.all([
    listLetters(db, organisation.id),
    listVersions(db, organisation.id),
  ]);
  return { letters, files: versions.filter((v) => v.kind === 'council-letter') };
}

async function showLetters(
  request: FastifyRequest,
  reply: FastifyReply,
  strategy: Strategy,
  status = 200,
  outcome: DraftOutcome = { kind: 'none' },
  typed?: DraftValues,
) {
  const organisation = organisationOf(request);
  const start = await defaultPeriodStart(dbOf(request), organisation.id, strategy);
  const values = typed ?? { periodStart: start.day, format: 'docx', language: request.locale };
  const page = lettersPage(pageContext(request), {
    organisation,
    strategyTitle: strategy.title,
    defaultStart: start.day,
    previousLetterOn: start.previousLetterOn,
    values,
    outcome,
    ...(await lettersOf(request)),
  });
  return reply.code(status).type(contentTypes.html).send(page);
}

function noStrategy(request: FastifyRequest, reply: FastifyReply, status: number) {
  const ctx = pageContext(request);
  const t = councilLetterMessage.for(ctx.locale);
  return reply
    .code(status)
    .type(contentTypes.html)
    .send(noSubjectPage(ctx, organisationOf(request), t('page.title'), t('page.none')));
}

async function showLetter(
  request: FastifyRequest<LetterParams>,
  reply: FastifyReply,
  status = 200,
  outcome: DraftOutcome = { kind: 'none' },
  format = 'docx',
) {
  const organisation = organisationOf(request);
  const letter = await findLetter(dbOf(request), organisation.id, idParam(request.params.letterId));
  if (!letter) throw notFound();
  const { files } = await lettersOf(request);
  const page = letterPage(pageContext(request), {
    organisation,
    letter: { ...letter, strategyTitle: letter.content.strategy.title },
    files: files.filter((f) => f.subjectId === letter.id),
    isNew: request.query.made !== undefined && outcome.kind === 'none',
    format,
    outcome,
  });
  return reply.code(status).type(contentTypes.html).send(page);
}

export function registerCouncilLetterRoutes(app: FastifyInstance): void {
  const url = '/o/:code/documents/council-letters';
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get(url, viewer, async (request, reply) => {
    const strategy = await getActiveStrategy(dbOf(request), organisationOf(request).id);
    if (!strategy) return noStrategy(request, reply, 200);
    return showLetters(request, reply, strategy);
  });

  app.post(url, editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const strategy = await getActiveStrategy(dbOf(request), organisation.id);
    if (!strategy) return noStrategy(request, reply, 409);
    const d = documentsMessage.for(request.locale);
    const values: DraftValues = {
      periodStart: formValue(request.body, 'periodStart'),
      format: formValue(request.body, 'format'),
      language: formValue(request.body, 'language'),
    };
    const period = checkPeriodStart(request.locale, values.periodStart, isoDayInAmsterdam(new Date()));
    const check = new FormChecker(request.locale)
      .oneOf('format', d('export.format'), values.format, documentFormats)
      .oneOf('language', d('export.language'), values.language, ['nl', 'en']);
    if (period.error) check.add('periodStart', period.error);
    const format = documentFormats.find((f) => f === values.format);
    if (!check.isValid || !period.day || !format || !isLocale(values.language) || !request.user)
      return showLetters(request, reply, strategy, 400, { kind: 'invalid', errors: check.errors }, values);
    try {
      const made = await draftCouncilLetter(dbOf(request), {
        organisation,
        strategy,
        periodStart: period.day,
        locale: values.language,
        format,
        actor: { id: request.user.id, name: request.user.name },
        runner: workersOf(request),
      });
      return reply.redirect(
        `${councilLettersPath(organisation.code)}/${made.letterId}?made=${made.versionId}`,
        303,
      );
    } catch (error) {
      if (error instanceof HttpError) throw error;
      request.log.error({ err: error, kind: 'council-letter' }, 'document export failed');
      return showLetters(request, reply, strategy, 503, { kind: 'failed' }, values);
    }
  });

  app.get<LetterParams>(`${url}/:letterId`, viewer, async (request, reply) => showLetter(request, reply));

  app.post<LetterParams>(`${url}/:letterId`, editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const letter = await findLetter(dbOf(request), organisation.id, idParam(request.params.letterId));
    if (!letter) throw notFound();
    const format = documentFormats.find((f) => f === formValue(request.body, 'format'));
    if (!format || !request.user) {
      const label = documentsMessage(request.locale, 'export.format');
      const errors = new FormChecker(request.locale).oneOf('format', label, '', documentFormats).errors;
      return showLetter(request, reply, 400, { kind: 'invalid', errors }, formValue(request.body, 'format'));
    }
    try {
      const made = await exportDocument(dbOf(request), {
        organisation,
        kind: 'council-letter',
        subjectId: letter.id,
        format,
        actor: { id: request.user.id, name: request.user.name },
        // The letter says what it said when it was drafted: its stored content, in another format.
        build: async () => ({ kind: 'council-letter', data: letter.content }),
        runner: workersOf(request),
      });
      return reply.redirect(`${councilLettersPath(organisation.code)}/${letter.id}?made=${made.id}`, 303);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      request.log.error({ err: error, kind: 'council-letter' }, 'document export failed');
      return showLetter(request, reply, 503, { kind: 'failed' }, format);
    }
  });
}
