import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { forbidden, notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { Theme } from '../framework/index.ts';
import { getFramework } from '../framework/index.ts';
import { registryFactsForTheme } from '../registries/index.ts';
import { answerPage, type AnswerValues } from './answer.views.ts';
import { carriedAnswers, type CarriedAnswer } from './scan-carry-over.ts';
import { scanOf, type ScanParams } from './scan-context.ts';
import { scanMessage } from './scan.messages.ts';
import { answersOf, isRespondent, type AnswerRow, type ScanRow } from './scan.queries.ts';
import { saveAnswers, type AnswerInput, type AnswerProblem } from './scan.service.ts';
import { responses } from './scan.tables.ts';
import { userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

function themeOf(scan: ScanRow, themeId: string | undefined): Theme {
  const theme = getFramework(scan.frameworkVersion).themes.find((t) => t.id === themeId);
  if (!theme) throw notFound();
  return theme;
}

/** Reads one question's fields; undefined when the respondent left the level unanswered. */
export function parseAnswer(
  questionId: string,
  raw: { response: string; target: string; note: string; evidence: string },
): AnswerInput | undefined {
  if (raw.response === '') return undefined;
  const isLevel = /^[1-5]$/.test(raw.response);
  const response = isLevel ? 'level' : responses.find((r) => r === raw.response && r !== 'level');
  return {
    questionId,
    response: response ?? 'level',
    // An unrecognised value becomes an out-of-range level, which the service refuses with a message.
    currentLevel: isLevel ? Number(raw.response) : response ? null : 0,
    targetLevel: raw.target === '' ? null : Number.parseInt(raw.target, 10) || 0,
    note: raw.note,
    evidence: raw.evidence.split(/\s+/).filter((line) => line !== ''),
  };
}

const toValues = (
  row: Pick<AnswerRow, 'response' | 'currentLevel' | 'targetLevel' | 'note' | 'evidence'>,
): AnswerValues => ({
  response: row.response === 'level' ? String(row.currentLevel) : row.response,
  target: row.targetLevel === null ? '' : String(row.targetLevel),
  note: row.note,
  evidence: row.evidence.join('\n'),
});

async function renderAnswerPage(
  request: FastifyRequest<ScanParams>,
  reply: FastifyReply,
  extra: {
    status?: number;
    typed?: Map<string, AnswerValues>;
    errors?: Map<string, string>;
    notice?: string;
  } = {},
) {
  const { organisation, scan } = await scanOf(request);
  const framework = getFramework(scan.frameworkVersion);
  const theme = themeOf(scan, request.params.themeId);
  const mine = await answersOf(dbOf(request), scan.id, userIdOf(request));
  const values = new Map(mine.map((row) => [row.questionId, toValues(row)]));
  const carried = new Map<string, CarriedAnswer>();
  for (const [id, answer] of await carriedAnswers(dbOf(request), scan))
    if (!values.has(id) && theme.questions.some((q) => q.id === id)) {
      carried.set(id, answer);
      values.set(id, toValues({ ...answer, note: '', evidence: [] }));
    }
  for (const [id, typed] of extra.typed ?? []) values.set(id, typed);
  const answered = new Set(mine.map((row) => row.questionId));
  const answeredPerTheme = new Map(
    framework.themes.map((t) => [t.id, t.questions.filter((q) => answered.has(q.id)).length]),
  );
  const page = answerPage(pageContext(request), {
    organisation,
    scan,
    framework,
    theme,
    values,
    carried,
    errors: extra.errors ?? new Map(),
    answeredPerTheme,
    notice: extra.notice,
    isLocked: scan.status !== 'draft',
    registryFacts: await registryFactsForTheme(dbOf(request), organisation.id, theme.id, request.locale),
  });
  return reply
    .code(extra.status ?? 200)
    .type(contentTypes.html)
    .send(page);
}

async function requireRespondent(request: FastifyRequest<ScanParams>) {
  const context = await scanOf(request);
  if (!(await isRespondent(dbOf(request), context.scan.id, userIdOf(request)))) {
    throw forbidden(scanMessage(request.locale, 'answer.notRespondent'));
  }
  return context;
}

function problemText(request: FastifyRequest, problem: AnswerProblem | 'submitted'): string {
  return scanMessage(request.locale, problem === 'submitted' ? 'problem.submitted' : `problem.${problem}`);
}

export function registerAnswerRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const member = { config: { access: access.organisation('viewer') } };

  app.get<ScanParams>('/o/:code/scans/:scanId/answer', member, async (request, reply) => {
    const { organisation, scan } = await requireRespondent(request);
    const framework = getFramework(scan.frameworkVersion);
    const answered = new Set((await answersOf(db, scan.id, userIdOf(request))).map((a) => a.questionId));
    const next =
      framework.themes.find((t) => t.questions.some((q) => !answered.has(q.id))) ?? framework.themes[0];
    return reply.redirect(`/o/${organisation.code}/scans/${scan.id}/answer/${next?.id ?? ''}`, 303);
  });

  app.get<ScanParams & { Querystring: { saved?: string } }>(
    '/o/:code/scans/:scanId/answer/:themeId',
    member,
    async (request, reply) => {
      await requireRespondent(request);
      const notice = request.query.saved === '1' ? scanMessage(request.locale, 'answer.saved') : undefined;
      return renderAnswerPage(request, reply, notice ? { notice } : {});
    },
  );

  app.post<ScanParams>('/o/:code/scans/:scanId/answer/:themeId', member, async (request, reply) => {
    const { organisation, scan } = await requireRespondent(request);
    const theme = themeOf(scan, request.params.themeId);
    const typed = new Map<string, AnswerValues>();
    const inputs: AnswerInput[] = [];
    for (const q of theme.questions) {
      const raw = {
        response: formValue(request.body, `q.${q.id}.response`),
        target: formValue(request.body, `q.${q.id}.target`),
        note: formValue(request.body, `q.${q.id}.note`),
        evidence: formValue(request.body, `q.${q.id}.evidence`),
      };
      typed.set(q.id, raw);
      const input = parseAnswer(q.id, raw);
      if (input) inputs.push(input);
    }
    const result = await saveAnswers(db, scan, userIdOf(request), inputs);
    if (!result.ok) {
      const errors = new Map<string, string>();
      if (result.problem === 'invalid')
        for (const [id, p] of result.errors) errors.set(id, problemText(request, p));
      else for (const q of theme.questions) errors.set(q.id, problemText(request, 'submitted'));
      return renderAnswerPage(request, reply, {
        status: result.problem === 'invalid' ? 400 : 409,
        typed,
        errors,
      });
    }
    const themes = getFramework(scan.frameworkVersion).themes;
    const next = themes[themes.findIndex((t) => t.id === theme.id) + 1];
    const target = formValue(request.body, 'then') === 'next' && next ? next.id : theme.id;
    return reply.redirect(`/o/${organisation.code}/scans/${scan.id}/answer/${target}?saved=1`, 303);
  });

  /** Save-as-you-go from the page's script: one question at a time, as JSON. */
  app.post<ScanParams>('/o/:code/scans/:scanId/answers', member, async (request, reply) => {
    const { scan } = await requireRespondent(request);
    const body = request.body;
    const raw = {
      response: formValue(body, 'response'),
      target: formValue(body, 'target'),
      note: formValue(body, 'note'),
      evidence: formValue(body, 'evidence'),
    };
    const input = parseAnswer(formValue(body, 'questionId'), raw);
    if (!input) return reply.code(204).send();
    const result = await saveAnswers(db, scan, userIdOf(request), [input]);
    if (result.ok) return { saved: true };
    const problem =
      result.problem === 'invalid' ? ([...result.errors.values()][0] ?? 'unknownQuestion') : 'submitted';
    return reply
      .code(result.problem === 'invalid' ? 400 : 409)
      .send({ saved: false, message: problemText(request, problem) });
  });
}
