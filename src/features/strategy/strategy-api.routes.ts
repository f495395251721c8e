import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { pageOf, sendVersioned } from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { strategyStatuses } from './strategy.model.ts';
import {
  Action,
  ActionParams,
  actionJson,
  common,
  OrgParams,
  StrategyParams,
} from './strategy-api.schemas.ts';
import { listStrategyVersions } from './strategy.queries.ts';
import { getStrategy } from './strategy.service.ts';

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
type StrategyRequest = FastifyRequest<{ Params: Static<typeof ActionParams> }>;

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
