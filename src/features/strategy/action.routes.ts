import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { formValue } from '../../core/http/forms.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { genericTaskIds, getFramework } from '../framework/index.ts';
import { actionFormPage, type ActionFormData } from './action-form.views.ts';
import { actionPage, deleteActionPage, fieldLabel } from './action.views.ts';
import { describeFields } from './strategy-describe.ts';
import { actionOf, activeStrategyOf, strategyVersionOf, type StrategyParams } from './strategy-context.ts';
import { parseActionFields, rawFromFields, type RawAction } from './strategy-form.ts';
import { actionWarnings } from './strategy-guards.ts';
import { strategyMessage } from './strategy.messages.ts';
import { formatQuarter, type ActionFields, type Strategy } from './strategy.model.ts';
import { historyOf } from './strategy.queries.ts';
import { deleteAction, saveAction, type ActionWriteResult } from './action.service.ts';
import { actionWarningText, dependencyProblemText } from './strategy-warnings.ts';
import { suggestionFields } from './suggestions.ts';
import { networkCodesOf } from '../../core/db/networks.ts';
import { userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

function list(body: unknown, name: string): string[] {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

function readRaw(body: unknown): RawAction {
  const text = (name: string) => formValue(body, name);
  return {
    title: text('title'),
    description: text('description'),
    themeId: text('themeId'),
    taskIds: list(body, 'taskIds'),
    departments: text('departments'),
    start: text('start'),
    end: text('end'),
    budget: text('budget'),
    budgetKind: text('budgetKind'),
    partners: text('partners'),
    status: text('status'),
    progress: text('progress'),
    milestones: text('milestones'),
    dependsOn: list(body, 'dependsOn'),
    frameworkActionId: text('frameworkActionId'),
  };
}

function emptyRaw(strategy: Strategy): RawAction {
  const start = formatQuarter({ year: strategy.startYear, quarter: 1 });
  return {
    title: '',
    description: '',
    themeId: '',
    taskIds: [],
    departments: '',
    start,
    end: start,
    budget: '',
    budgetKind: '',
    partners: '',
    status: 'planned',
    progress: '0',
    milestones: '',
    dependsOn: [],
    frameworkActionId: '',
  };
}

async function sendForm(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  data: Omit<ActionFormData, 'organisation' | 'framework'> & { strategy: Strategy },
) {
  const { organisation } = await activeStrategyOf(request);
  const framework = getFramework(data.strategy.frameworkVersion);
  return reply
    .code(status)
    .type(contentTypes.html)
    .send(actionFormPage(pageContext(request), { organisation, framework, ...data }));
}

/** Turns a refused save into the form's field errors (or a conflict with both values). */
async function refusal(
  request: FastifyRequest,
  result: Exclude<ActionWriteResult, { ok: true }>,
  fields: ActionFields,
) {
  const t = strategyMessage.for(request.locale);
  const errors: FieldErrors = {};
  if (result.problem === 'notFound') return { status: 404, errors };
  if (result.problem === 'archived') throw conflict(t('archived.readOnly'));
  if (result.problem === 'framework') {
    const d = result.detail;
    if (d.kind === 'unknownTask') errors.taskIds = t('framework.unknownTask', { id: d.id });
    else
      errors.themeId = t(d.kind === 'unknownTheme' ? 'framework.unknownTheme' : 'framework.themeNotInPillar');
    return { status: 422, errors };
  }
  if (result.problem === 'dependency') {
    errors.dependsOn = dependencyProblemText(request.locale, result.detail, result.actions, fields.title);
    return { status: 422, errors };
  }
  if (result.problem !== 'conflict') return { status: 404, errors };
  const yours = describeFields(fields);
  const stored = describeFields(result.stored);
  const ctx = pageContext(request);
  const rows = Object.keys(yours)
    .filter((k) => yours[k] !== stored[k])
    .map((k) => ({ field: fieldLabel(ctx, k), yours: yours[k] ?? '', stored: stored[k] ?? '' }));
  const [latest] = await historyOf(dbOf(request), result.stored.strategyId, result.stored.id);
  return {
    status: 409,
    errors,
    conflict: { name: latest?.actorName ?? undefined, rows },
    version: String(result.stored.version),
  };
}

async function save(request: FastifyRequest<StrategyParams>, reply: FastifyReply, actionId?: number) {
  const { organisation, strategy } = await activeStrategyOf(request);
  const framework = getFramework(strategy.frameworkVersion);
  const raw = readRaw(request.body);
  const version = formValue(request.body, 'version');
  const { fields, errors } = parseActionFields(request.locale, framework, raw);
  const formData = { strategy, values: raw, version, ...(actionId === undefined ? {} : { actionId }) };
  if (!fields) return sendForm(request, reply, 400, { ...formData, errors });
  const result = await saveAction(dbOf(request), {
    organisationId: organisation.id,
    strategyId: strategy.id,
    actorUserId: userIdOf(request),
    fields,
    ...(actionId === undefined ? {} : { actionId, expectedVersion: Number(version) }),
  });
  if (result.ok)
    return reply.redirect(`/o/${organisation.code}/strategy/actions/${result.actionId}?notice=saved`, 303);
  const refused = await refusal(request, result, fields);
  if (refused.status === 404) throw notFound();
  return sendForm(request, reply, refused.status, {
    ...formData,
    version: refused.version ?? version,
    errors: refused.errors,
    ...(refused.conflict ? { conflict: refused.conflict } : {}),
  });
}

async function showAction(
  request: FastifyRequest<StrategyParams & { Querystring: { notice?: string } }>,
  reply: FastifyReply,
  strategy: Strategy,
) {
  const organisation = request.organisation;
  if (!organisation) throw notFound();
  const action = actionOf(strategy, request);
  const framework = getFramework(strategy.frameworkVersion);
  const warnings = actionWarnings(action, strategy.actions, genericTaskIds(framework)).map((w) =>
    actionWarningText(request.locale, w),
  );
  const history = await historyOf(dbOf(request), strategy.id, action.id);
  const notice = request.query.notice === 'saved' ? strategyMessage(request.locale, 'saved') : undefined;
  return reply.type(contentTypes.html).send(
    actionPage(pageContext(request), {
      organisation,
      strategy,
      framework,
      action,
      warnings,
      history,
      notice,
    }),
  );
}

export function registerActionRoutes(app: FastifyInstance): void {
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get<StrategyParams & { Querystring: { suggestion?: string } }>(
    '/o/:code/strategy/actions/new',
    editor,
    async (request, reply) => {
      const { strategy } = await activeStrategyOf(request);
      const framework = getFramework(strategy.frameworkVersion);
      const suggested = request.query.suggestion
        ? suggestionFields(
            framework,
            strategy,
            request.query.suggestion,
            request.locale,
            new Date(),
            await networkCodesOf(dbOf(request), strategy.organisationId),
          )
        : undefined;
      const values = suggested ? rawFromFields(suggested, request.locale) : emptyRaw(strategy);
      return sendForm(request, reply, 200, {
        strategy,
        values,
        version: '0',
        errors: {},
        fromSuggestion: Boolean(suggested),
      });
    },
  );

  app.post<StrategyParams>('/o/:code/strategy/actions', editor, async (request, reply) =>
    save(request, reply),
  );

  app.get<StrategyParams & { Querystring: { notice?: string } }>(
    '/o/:code/strategy/actions/:actionId',
    viewer,
    async (request, reply) => {
      const { strategy } = await activeStrategyOf(request);
      return showAction(request, reply, strategy);
    },
  );

  app.get<StrategyParams & { Querystring: { notice?: string } }>(
    '/o/:code/strategy/versions/:strategyId/actions/:actionId',
    viewer,
    async (request, reply) => {
      const { strategy } = await strategyVersionOf(request);
      return showAction(request, reply, strategy);
    },
  );

  app.get<StrategyParams>('/o/:code/strategy/actions/:actionId/edit', editor, async (request, reply) => {
    const { strategy } = await activeStrategyOf(request);
    const action = actionOf(strategy, request);
    return sendForm(request, reply, 200, {
      strategy,
      values: rawFromFields(action, request.locale),
      version: String(action.version),
      errors: {},
      actionId: action.id,
    });
  });

  app.post<StrategyParams>('/o/:code/strategy/actions/:actionId/edit', editor, async (request, reply) => {
    const { strategy } = await activeStrategyOf(request);
    return save(request, reply, actionOf(strategy, request).id);
  });

  app.get<StrategyParams>('/o/:code/strategy/actions/:actionId/delete', editor, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    return reply
      .type(contentTypes.html)
      .send(deleteActionPage(pageContext(request), organisation, actionOf(strategy, request)));
  });

  app.post<StrategyParams>('/o/:code/strategy/actions/:actionId/delete', editor, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    const action = actionOf(strategy, request);
    const result = await deleteAction(dbOf(request), {
      organisationId: organisation.id,
      strategyId: strategy.id,
      actionId: action.id,
      actorUserId: userIdOf(request),
    });
    if (result.ok) return reply.redirect(`/o/${organisation.code}/strategy?notice=deleted`, 303);
    if (result.problem !== 'hasDependants') throw notFound();
    const problem = strategyMessage(request.locale, 'delete.hasDependants', {
      titles: result.titles.map((x) => `“${x}”`).join(', '),
    });
    return reply
      .code(409)
      .type(contentTypes.html)
      .send(deleteActionPage(pageContext(request), organisation, action, problem));
  });
}
