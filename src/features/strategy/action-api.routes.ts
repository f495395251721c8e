import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiDeleteResponses, apiPrefix, apiResponses } from '../../core/http/api.ts';
import { etagOf, invalidInput, preconditionFailed, requireIfMatch } from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { getFramework } from '../framework/index.ts';
import { deleteAction, saveAction, type ActionWriteResult } from './action.service.ts';
import {
  Action,
  ActionInput,
  actionJson,
  ActionParams,
  common,
  StrategyParams,
  type ActionInputBody,
} from './strategy-api.schemas.ts';
import { formatMilestones, parseActionFields, type RawAction } from './strategy-form.ts';
import { strategyMessage } from './strategy.messages.ts';
import type { ActionFields, Strategy } from './strategy.model.ts';
import { getStrategy } from './strategy.service.ts';
import { dependencyProblemText } from './strategy-warnings.ts';

type WriteRequest = FastifyRequest<{
  Params: Static<typeof ActionParams>;
  Body: ActionInputBody;
}>;

/** The form's field names as the API names them. */
const apiNames: Record<string, string> = { taskIds: 'societalTaskIds', budget: 'budgetEuros' };

/** The body as the form's typed values, so that the form's own parsing checks it. */
export function rawFromBody(body: ActionInputBody, locale: Locale): RawAction {
  const milestones = (body.milestones ?? []).map((m) => ({ ...m, isDone: m.isDone ?? false }));
  return {
    title: body.title.trim(),
    description: body.description ?? '',
    themeId: body.themeId,
    taskIds: body.societalTaskIds ?? [],
    departments: (body.departments ?? []).join('; '),
    start: body.start,
    end: body.end,
    // A decimal comma, without grouping: the form's reading of Dutch numbers then reads it exactly.
    budget:
      body.budgetEuros === undefined || body.budgetEuros === null
        ? ''
        : String(body.budgetEuros).replace('.', ','),
    budgetKind: body.budgetKind ?? '',
    partners: (body.partners ?? []).join('; '),
    status: body.status,
    progress: String(body.progress ?? 0),
    milestones: formatMilestones(milestones, locale),
    dependsOn: (body.dependsOn ?? []).map(String),
    frameworkActionId: body.frameworkActionId ?? '',
  };
}

/** A refusal of the service as the API's answer: field-level for what the form shows per field. */
function refusal(locale: Locale, result: Exclude<ActionWriteResult, { ok: true }>, fields: ActionFields) {
  const t = strategyMessage.for(locale);
  if (result.problem === 'archived') return conflict(t('archived.readOnly'));
  if (result.problem === 'conflict') return preconditionFailed(result.stored.version);
  if (result.problem === 'dependency')
    return invalidInput({
      dependsOn: dependencyProblemText(locale, result.detail, result.actions, fields.title),
    });
  if (result.problem !== 'framework') return notFound();
  const d = result.detail;
  if (d.kind === 'unknownTask')
    return invalidInput({ societalTaskIds: t('framework.unknownTask', { id: d.id }) });
  return invalidInput({
    themeId: t(d.kind === 'unknownTheme' ? 'framework.unknownTheme' : 'framework.themeNotInPillar'),
  });
}

/**
 * Actions written through the API with a read-write token: the body is read by the form's parsing
 * and saved by the form's service, so the API refuses exactly what the form refuses; an archived
 * version is read-only here as there.
 */
export function registerActionApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.addSchema(ActionInput);
  const route = { config: { access: access.organisationApi('strategies') } };
  const base = `${apiPrefix}/organisations/:code/strategies/:strategyId/actions`;

  async function strategyOf(request: FastifyRequest<{ Params: { strategyId: number } }>): Promise<Strategy> {
    const strategy = await getStrategy(db, organisationOf(request).id, request.params.strategyId);
    if (!strategy) throw notFound();
    return strategy;
  }

  function fieldsOf(request: WriteRequest, strategy: Strategy): ActionFields {
    const framework = getFramework(strategy.frameworkVersion);
    const parsed = parseActionFields(request.locale, framework, rawFromBody(request.body, request.locale));
    if (!parsed.fields)
      throw invalidInput(
        Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [apiNames[k] ?? k, String(v)])),
      );
    return parsed.fields;
  }

  async function save(request: WriteRequest, strategy: Strategy, actionId?: number, version?: number) {
    const fields = fieldsOf(request, strategy);
    const result = await saveAction(db, {
      organisationId: organisationOf(request).id,
      strategyId: strategy.id,
      actorUserId: null,
      fields,
      ...(actionId === undefined ? {} : { actionId, expectedVersion: version }),
    });
    if (!result.ok) throw refusal(request.locale, result, fields);
    const saved = (await strategyOf(request)).actions.find((a) => a.id === result.actionId);
    if (!saved) throw notFound();
    return saved;
  }

  const writeErrors = [400, 401, 403, 404, 409, 422] as const;

  app.post(
    base,
    {
      ...route,
      schema: {
        ...common(
          'Add an action',
          'createStrategyAction',
          'Needs a read-write token; an archived version answers 409. Checked as the form checks it.',
        ),
        params: StrategyParams,
        body: Type.Ref(ActionInput),
        response: apiResponses('The new action', Type.Ref(Action), [...writeErrors], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (request: WriteRequest, reply) => {
      const strategy = await strategyOf(request);
      const action = await save(request, strategy);
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${action.id}`)
        .header('ETag', etagOf(action.version))
        .send(actionJson(action));
    },
  );

  app.put(
    `${base}/:actionId`,
    {
      ...route,
      schema: {
        ...common(
          'Replace an action',
          'replaceStrategyAction',
          'Needs a read-write token and If-Match; every field is replaced, as the form does.',
        ),
        params: ActionParams,
        body: Type.Ref(ActionInput),
        response: apiResponses('The action as saved', Type.Ref(Action), [...writeErrors, 412, 428], {
          headers: ['ETag'],
        }),
      },
    },
    async (request: WriteRequest, reply) => {
      const strategy = await strategyOf(request);
      const current = strategy.actions.find((a) => a.id === request.params.actionId);
      if (!current) throw notFound();
      const version = requireIfMatch(request, current.version);
      const action = await save(request, strategy, current.id, version);
      return reply.header('ETag', etagOf(action.version)).send(actionJson(action));
    },
  );

  app.delete(
    `${base}/:actionId`,
    {
      ...route,
      schema: {
        ...common(
          'Delete an action',
          'deleteStrategyAction',
          'Needs a read-write token and If-Match; an action that others depend on answers 409.',
        ),
        params: ActionParams,
        response: apiDeleteResponses([400, 401, 403, 404, 409, 412, 422, 428]),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof ActionParams> }>, reply) => {
      const strategy = await strategyOf(request);
      const current = strategy.actions.find((a) => a.id === request.params.actionId);
      if (!current) throw notFound();
      const version = requireIfMatch(request, current.version);
      const result = await deleteAction(db, {
        organisationId: organisationOf(request).id,
        strategyId: strategy.id,
        actionId: current.id,
        actorUserId: null,
        expectedVersion: version,
      });
      if (result.ok) return reply.code(204).send();
      const t = strategyMessage.for(request.locale);
      if (result.problem === 'archived') throw conflict(t('archived.readOnly'));
      if (result.problem === 'conflict') throw preconditionFailed(result.stored.version);
      if (result.problem === 'hasDependants')
        throw conflict(t('delete.hasDependants', { titles: result.titles.map((x) => `“${x}”`).join(', ') }));
      throw notFound();
    },
  );
}
