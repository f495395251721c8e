import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { pageContext, type PageContext } from '../../core/render/layout.ts';
import { getFramework, localise } from '../framework/index.ts';
import { parseAnswer } from './answer.routes.ts';
import {
  consensusPage,
  describeAnswer,
  type AnswerSummary,
  type ConsensusQuestion,
} from './consensus.views.ts';
import { scanOf, type ScanParams } from './scan-context.ts';
import { scanMessage } from './scan.messages.ts';
import { answersOf, consensusOf, type ScanRow } from './scan.queries.ts';
import { distributionOf } from './scan-scoring.ts';
import { saveConsensus } from './scan.service.ts';
import { userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type Problems = Map<string, { message: string; chosen?: AnswerSummary }>;

async function namesOf(request: FastifyRequest, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await dbOf(request)
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function consensusData(request: FastifyRequest, scan: ScanRow) {
  const db = dbOf(request);
  const individual = await answersOf(db, scan.id);
  const agreed = new Map((await consensusOf(db, scan.id)).map((c) => [c.questionId, c]));
  const names = await namesOf(request, [
    ...new Set([
      ...individual.map((a) => a.userId),
      ...[...agreed.values()].flatMap((c) => (c.updatedByUserId ? [c.updatedByUserId] : [])),
    ]),
  ]);
  const framework = getFramework(scan.frameworkVersion);
  const perQuestion = new Map<string, ConsensusQuestion>();
  for (const theme of framework.themes) {
    for (const question of theme.questions) {
      const given = individual
        .filter((a) => a.questionId === question.id)
        .map((a) => ({ ...a, name: names.get(a.userId) ?? '' }));
      const agreement = agreed.get(question.id);
      perQuestion.set(question.id, {
        question,
        distribution: distributionOf(given),
        individual: given,
        agreed: agreement
          ? {
              ...agreement,
              updatedBy: agreement.updatedByUserId ? (names.get(agreement.updatedByUserId) ?? null) : null,
            }
          : undefined,
      });
    }
  }
  return { framework, perQuestion };
}

async function renderConsensus(
  request: FastifyRequest<ScanParams>,
  reply: FastifyReply,
  extra: { status?: number; problems?: Problems; notice?: string } = {},
) {
  const { organisation, scan } = await scanOf(request);
  const { framework, perQuestion } = await consensusData(request, scan);
  const theme = framework.themes.find((t) => t.id === request.params.themeId);
  if (!theme) throw notFound();
  const agenda = framework.themes.flatMap((t) =>
    t.questions.flatMap((q) => {
      const item = perQuestion.get(q.id);
      const isOpen = item?.distribution.isDisagreement && !item.agreed;
      return isOpen
        ? [
            {
              questionId: q.id,
              themeId: t.id,
              text: localise(q.text, request.locale),
              spread: item.distribution.spread,
            },
          ]
        : [];
    }),
  );
  const page = consensusPage(pageContext(request), {
    organisation,
    scan,
    framework,
    theme,
    questions: theme.questions.flatMap((q) => perQuestion.get(q.id) ?? []),
    agenda,
    notice: extra.notice,
    problems: extra.problems ?? new Map(),
  });
  return reply
    .code(extra.status ?? 200)
    .type(contentTypes.html)
    .send(page);
}

function describe(ctx: PageContext, scan: ScanRow, a: AnswerSummary): string {
  return describeAnswer(ctx, getFramework(scan.frameworkVersion), a);
}

export function registerConsensusRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get<ScanParams>('/o/:code/scans/:scanId/consensus', viewer, async (request, reply) => {
    const { organisation, scan } = await scanOf(request);
    const { framework, perQuestion } = await consensusData(request, scan);
    const first =
      framework.themes.find((t) =>
        t.questions.some(
          (q) => perQuestion.get(q.id)?.distribution.isDisagreement && !perQuestion.get(q.id)?.agreed,
        ),
      ) ?? framework.themes[0];
    return reply.redirect(`/o/${organisation.code}/scans/${scan.id}/consensus/${first?.id ?? ''}`, 303);
  });

  app.get<ScanParams & { Querystring: { saved?: string } }>(
    '/o/:code/scans/:scanId/consensus/:themeId',
    viewer,
    async (request, reply) =>
      renderConsensus(
        request,
        reply,
        request.query.saved === '1' ? { notice: scanMessage(request.locale, 'consensus.saved') } : {},
      ),
  );

  app.post<ScanParams>('/o/:code/scans/:scanId/consensus/:themeId', editor, async (request, reply) => {
    const { organisation, scan } = await scanOf(request);
    const questionId = formValue(request.body, 'questionId');
    const raw = {
      response: formValue(request.body, 'response'),
      target: formValue(request.body, 'target'),
      note: formValue(request.body, 'note'),
      evidence: '',
    };
    const input = parseAnswer(questionId, raw);
    const ctx = pageContext(request);
    if (!input) {
      const problems: Problems = new Map([
        [questionId, { message: scanMessage(request.locale, 'problem.levelMissing') }],
      ]);
      return renderConsensus(request, reply, { status: 400, problems });
    }
    const expectedVersion = Number.parseInt(formValue(request.body, 'expectedVersion'), 10) || 0;
    const result = await saveConsensus(db, scan, input, expectedVersion, userIdOf(request));
    if (result.ok)
      return reply.redirect(
        `/o/${organisation.code}/scans/${scan.id}/consensus/${request.params.themeId ?? ''}?saved=1#${questionId}`,
        303,
      );
    let message: string;
    if (result.problem === 'conflict') {
      message = scanMessage(request.locale, 'consensus.conflict', {
        name: result.current.updatedBy ?? scanMessage(request.locale, 'consensus.someoneElse'),
        theirs: describe(ctx, scan, result.current),
        yours: describe(ctx, scan, input),
      });
    } else {
      message = scanMessage(
        request.locale,
        result.problem === 'submitted' ? 'problem.submitted' : `problem.${result.problem}`,
      );
    }
    const problems: Problems = new Map([[questionId, { message, chosen: input }]]);
    return renderConsensus(request, reply, { status: result.problem === 'conflict' ? 409 : 400, problems });
  });
}
