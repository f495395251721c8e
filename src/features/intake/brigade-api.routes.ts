import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { cursorAfter, etagOf, invalidInput, sendPage, sendVersioned } from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { HttpError, notFound } from '../../core/http/errors.ts';
import { FormChecker } from '../../core/http/forms.ts';
import { checkBrigadeFields } from './brigade-checks.ts';
import {
  BrigadeQuestion,
  BrigadeQuestionInput,
  BrigadeQuestionPage,
  ListQuery,
  OrgParams,
  QuestionParams,
  schemas,
  brigadeCommon,
  type BrigadeQuestionInputBody,
} from './brigade-api.schemas.ts';
import { brigadeScopeOf, questionJson, summaryJson } from './brigade-api.views.ts';
import { registerBrigadeCaseApi } from './brigade-api-cases.routes.ts';
import { listCases } from './cases.queries.ts';
import { submitCase } from './cases.service.ts';
import { countSubmission } from './intake-spam.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseStatuses } from './intake.tables.ts';
import { caseInput, mailSettings, readBrigadeForm } from './public.routes.ts';

/**
 * Questions to the Connectiviteit Brigade through the API, as the web allows them: an organisation
 * reads and asks its own; the organisation that coordinates the intake's network reads every
 * question, with what its coordinators see, and handles them (brigade-api-cases.routes.ts).
 */
export function registerBrigadeApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of schemas) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('brigade-questions') } };
  const base = `${apiPrefix}/organisations/:code/brigade-questions`;
  const errors = [400, 401, 403, 404] as const;

  app.get(
    base,
    {
      ...route,
      schema: {
        ...brigadeCommon(
          'List the Brigade questions',
          'listBrigadeQuestions',
          'The organisation’s own questions; for the coordinating organisation of the network, every question, with the coordinator’s fields. Filter on status; sort by when they were asked.',
        ),
        params: OrgParams,
        querystring: ListQuery,
        response: apiResponses('A page of questions', Type.Ref(BrigadeQuestionPage), [...errors], {
          headers: ['Link'],
        }),
      },
    },
    async (
      request: FastifyRequest<{ Params: Static<typeof OrgParams>; Querystring: Static<typeof ListQuery> }>,
      reply,
    ) => {
      const scope = await brigadeScopeOf(db, request);
      const size = request.query.pageSize ?? 20;
      const status = caseStatuses.find((s) => s === request.query.status);
      const rows = await listCases(db, {
        ...(status ? { status } : {}),
        ...(scope.isCoordinator ? {} : { organisationId: scope.organisationId }),
        page: {
          fromId: cursorAfter(request.query.cursor),
          ascending: request.query.sort === 'createdAt',
          size: size + 1,
        },
      });
      return sendPage(
        request,
        reply,
        rows.map((row) => summaryJson(row, scope)),
        size,
      );
    },
  );

  app.post(
    base,
    {
      ...route,
      schema: {
        ...brigadeCommon(
          'Ask the Brigade a question',
          'createBrigadeQuestion',
          'Needs a read-write token. Checked as the organisation’s form checks it; the contact person and the network’s coordinators are mailed, as for the form. At most 5 questions per token and hour.',
        ),
        params: OrgParams,
        body: Type.Ref(BrigadeQuestionInput),
        response: apiResponses('The new question', Type.Ref(BrigadeQuestion), [...errors, 422, 429], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (request: FastifyRequest<{ Body: BrigadeQuestionInputBody }>, reply) => {
      const organisation = organisationOf(request);
      const values = readBrigadeForm(request.body);
      const form = checkBrigadeFields(new FormChecker(request.locale), request.locale, values);
      if (!form.isValid) throw invalidInput(form.errors);
      // No honeypot or time stamp: the token is the client's proof. The hourly limit stays, per token.
      if (!(await countSubmission(db, 'brigade-api', `token:${request.apiTokenId ?? 0}`)))
        throw new HttpError(429, intakeMessage(request.locale, 'spam.rateLimited'));
      const id = await submitCase(db, caseInput(values, organisation.id, null), mailSettings(request));
      const question = await questionJson(db, id, await brigadeScopeOf(db, request));
      if (!question) throw notFound();
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${id}`)
        .header('ETag', etagOf(question.version))
        .send(question.body);
    },
  );

  app.get(
    `${base}/:questionId`,
    {
      ...route,
      schema: {
        ...brigadeCommon(
          'Get a Brigade question',
          'getBrigadeQuestion',
          'The question as the organisation may see it, with its history and its ETag. Another organisation’s question is not found.',
        ),
        params: QuestionParams,
        response: apiResponses('The question', Type.Ref(BrigadeQuestion), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof QuestionParams> }>, reply) => {
      const question = await questionJson(db, request.params.questionId, await brigadeScopeOf(db, request));
      if (!question) throw notFound();
      return sendVersioned(request, reply, question.version, question.body);
    },
  );

  registerBrigadeCaseApi(app);
}
