import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { pageOf, sendVersioned } from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { actionStatuses, budgetKinds, strategyStatuses, type StrategyAction } from './strategy.model.ts';
import { listStrategyVersions } from './strategy.queries.ts';
import { getStrategy } from './strategy.service.ts';

const Quarter = Type.String({
  pattern: '^\\d{4}-Q[1-4]$',
  example: '2027-Q3',
  description: 'Year and quarter',
});
const quarterText = (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`;

const Action = Type.Object(
  {
    id: Type.Integer(),
    version: Type.Integer({ description: 'Goes up on every change; the ETag is "v" and this number' }),
    title: Type.String(),
    description: Type.String({ description: 'Markdown' }),
    pillar: Type.String({ description: 'Pillar id of the framework' }),
    themeId: Type.String({ description: 'Theme id of the framework' }),
    frameworkActionId: Type.Union([Type.String(), Type.Null()], {
      description: 'The framework’s recommended action it came from; null when written freely',
    }),
    societalTaskIds: Type.Array(Type.String(), { description: 'Societal tasks of the framework it serves' }),
    departments: Type.Array(Type.String()),
    start: Quarter,
    end: Quarter,
    budgetEuros: Type.Union([Type.Number(), Type.Null()]),
    budgetKind: Type.Union([Type.String({ enum: [...budgetKinds] }), Type.Null()]),
    partners: Type.Array(Type.String()),
    status: Type.String({ enum: [...actionStatuses] }),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    milestones: Type.Array(
      Type.Object({ date: Type.String({ format: 'date' }), title: Type.String(), isDone: Type.Boolean() }),
    ),
    dependsOn: Type.Array(Type.Integer(), { description: 'Ids of actions of the same strategy' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StrategyAction' },
);
const StrategySummary = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    versionNumber: Type.Integer({ description: 'The strategy’s own version: 1, 2, … per new version' }),
    status: Type.String({ enum: [...strategyStatuses] }),
    startYear: Type.Integer(),
    endYear: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'StrategySummary' },
);
const Strategy = Type.Object(
  {
    ...StrategySummary.properties,
    version: Type.Integer({ description: 'Goes up on every change; the ETag is "v" and this number' }),
    frameworkVersion: Type.String({ example: '2026.1' }),
    vision: Type.String({ description: 'Markdown' }),
    societalTasks: Type.Array(Type.Object({ taskId: Type.String(), ambition: Type.String() })),
    actions: Type.Array(Type.Ref(Action)),
  },
  { $id: 'Strategy' },
);
const StrategyPage = pageOf(Type.Ref(StrategySummary), 'StrategyPage');
const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
const StrategyParams = Type.Object({ ...OrgParams.properties, strategyId: Type.Integer({ minimum: 1 }) });
const ActionParams = Type.Object({ ...StrategyParams.properties, actionId: Type.Integer({ minimum: 1 }) });
type StrategyRequest = FastifyRequest<{ Params: Static<typeof ActionParams> }>;

const actionJson = (a: StrategyAction) => ({
  id: a.id,
  version: a.version,
  title: a.title,
  description: a.description,
  pillar: a.pillar,
  themeId: a.themeId,
  frameworkActionId: a.frameworkActionId,
  societalTaskIds: a.taskIds,
  departments: a.departments,
  start: quarterText(a.start),
  end: quarterText(a.end),
  budgetEuros: a.budgetCents === null ? null : a.budgetCents / 100,
  budgetKind: a.budgetKind,
  partners: a.partners,
  status: a.status,
  progress: a.progress,
  milestones: a.milestones,
  dependsOn: a.dependsOn,
  updatedAt: a.updatedAt.toISOString(),
});

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['strategies'],
  security: [{ organisationToken: [] }],
});

/** An organisation's strategies and their actions, read with a token that reaches strategies. */
export function registerStrategyApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [Action, StrategySummary, Strategy, StrategyPage]) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('strategies') } };
  const base = `${apiPrefix}/organisations/:code/strategies`;
  const errors = [400, 401, 403, 404] as const;

  app.get(
    base,
    {
      ...route,
      schema: {
        ...common('List the strategies', 'listStrategies', 'Every version, newest first; one is active.'),
        params: OrgParams,
        response: apiResponses('The strategies', Type.Ref(StrategyPage), [...errors]),
      },
    },
    async (request) => {
      const rows = await listStrategyVersions(db, organisationOf(request).id);
      const items = rows.map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        archivedAt: s.archivedAt?.toISOString() ?? null,
      }));
      // A municipality keeps a handful of versions: one page holds them all.
      return { items, next: null };
    },
  );

  app.get(
    `${base}/:strategyId`,
    {
      ...route,
      schema: {
        ...common('Get a strategy', 'getStrategy', 'With its vision, societal tasks and every action.'),
        params: StrategyParams,
        response: apiResponses('The strategy', Type.Ref(Strategy), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: StrategyRequest, reply) => {
      const strategy = await strategyOf(request);
      return sendVersioned(request, reply, strategy.version, {
        id: strategy.id,
        title: strategy.title,
        versionNumber: strategy.versionNumber,
        status: strategy.status,
        startYear: strategy.startYear,
        endYear: strategy.endYear,
        createdAt: strategy.createdAt.toISOString(),
        archivedAt: strategy.archivedAt?.toISOString() ?? null,
        version: strategy.version,
        frameworkVersion: strategy.frameworkVersion,
        vision: strategy.vision,
        societalTasks: strategy.tasks,
        actions: strategy.actions.map(actionJson),
      });
    },
  );

  app.get(
    `${base}/:strategyId/actions/:actionId`,
    {
      ...route,
      schema: {
        ...common('Get an action', 'getStrategyAction', 'One action of a strategy, with its ETag.'),
        params: ActionParams,
        response: apiResponses('The action', Type.Ref(Action), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: StrategyRequest, reply) => {
      const action = (await strategyOf(request)).actions.find((a) => a.id === request.params.actionId);
      if (!action) throw notFound();
      return sendVersioned(request, reply, action.version, actionJson(action));
    },
  );

  async function strategyOf(request: StrategyRequest) {
    const strategy = await getStrategy(db, organisationOf(request).id, request.params.strategyId);
    if (!strategy) throw notFound();
    return strategy;
  }
}
