import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { organisationOf } from '../../core/http/context.ts';
import { contentTypes, mediaTypes } from '../../core/http/content-types.ts';
import { notFound } from '../../core/http/errors.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { renderRoadmapSvg, type RoadmapInput } from '../roadmap/index.ts';
import { loadRoadmapInput } from './strategy-roadmap.ts';

const Quarter = Type.String({
  pattern: '^\\d{4}-Q[1-4]$',
  example: '2027-Q3',
  description: 'Year and quarter',
});

const Roadmap = Type.Object(
  {
    organisationName: Type.String(),
    strategyTitle: Type.String({ description: 'The active strategy the roadmap draws' }),
    startYear: Type.Integer(),
    endYear: Type.Integer(),
    today: Type.String({
      format: 'date',
      description: 'The day the roadmap was drawn for (Europe/Amsterdam)',
    }),
    pillars: Type.Array(Type.Object({ id: Type.String(), title: Type.String() }), {
      description: 'The lanes, in the framework’s order',
    }),
    actions: Type.Array(
      Type.Object({
        id: Type.Integer({ description: 'The action’s id, as in the strategies resource' }),
        title: Type.String(),
        pillar: Type.String(),
        themeTitle: Type.String(),
        start: Quarter,
        end: Quarter,
        status: Type.String({ enum: ['planned', 'running', 'done', 'paused', 'stopped'] }),
        progress: Type.Integer({ minimum: 0, maximum: 100 }),
        milestones: Type.Array(
          Type.Object({
            date: Type.String({ format: 'date' }),
            title: Type.String(),
            isDone: Type.Boolean(),
          }),
        ),
        dependsOn: Type.Array(Type.Integer(), { description: 'Ids of actions it waits for' }),
        warnings: Type.Array(Type.String(), { description: 'The guards’ points of attention' }),
      }),
    ),
    warnings: Type.Array(Type.String(), { description: 'Points of attention for the strategy as a whole' }),
  },
  { $id: 'Roadmap' },
);
const RoadmapParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
const RoadmapQuery = Type.Object({
  format: Type.Optional(
    Type.String({
      enum: ['json', 'svg'],
      description: 'The representation; overrides the Accept header (for a link in a browser)',
    }),
  ),
});
type RoadmapRequest = FastifyRequest<{
  Params: Static<typeof RoadmapParams>;
  Querystring: Static<typeof RoadmapQuery>;
}>;

const quarterText = (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`;

const roadmapJson = (input: RoadmapInput) => ({
  organisationName: input.organisationName,
  strategyTitle: input.strategyTitle,
  startYear: input.startYear,
  endYear: input.endYear,
  today: input.today,
  pillars: input.pillars,
  actions: input.actions.map((a) => ({
    id: Number(a.id),
    title: a.title,
    pillar: a.pillar,
    themeTitle: a.themeTitle,
    start: quarterText(a.start),
    end: quarterText(a.end),
    status: a.status,
    progress: a.progress,
    milestones: a.milestones,
    dependsOn: a.dependsOn.map(Number),
    warnings: a.warnings,
  })),
  warnings: input.strategyWarnings ?? [],
});

/**
 * The representation a client asks for: `?format`, else the Accept header's preference between
 * JSON and SVG (JSON on a tie, and for anything else: the resource has no other form).
 */
export function roadmapFormatOf(format: string | undefined, accept: string | undefined): 'json' | 'svg' {
  if (format === 'json' || format === 'svg') return format;
  let best: { format: 'json' | 'svg'; q: number } = { format: 'json', q: 0 };
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParameter = parameters.find((p) => p.startsWith('q='));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    const candidate =
      type === mediaTypes.svg || type === 'image/*' ? 'svg' : type === mediaTypes.json ? 'json' : undefined;
    if (candidate && q > best.q) best = { format: candidate, q };
  }
  return best.format;
}

/**
 * The roadmap of an organisation's active strategy, as data (JSON) or as the infographic (SVG), for
 * a token that reaches strategies. Its ETag is a digest of the representation: the roadmap follows
 * the strategy, its actions, the guards and the day it is drawn for.
 */
export function registerRoadmapApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.addSchema(Roadmap);
  app.get(
    `${apiPrefix}/organisations/:code/roadmap`,
    {
      config: { access: access.organisationApi('strategies') },
      schema: {
        summary: 'Get the roadmap',
        description:
          'The roadmap of the active strategy: its actions per pillar over the quarters, as JSON, or as the ' +
          'SVG infographic with `Accept: image/svg+xml` or `?format=svg`. 404 without an active strategy, ' +
          'and for SVG also when the strategy has no actions to draw.',
        operationId: 'getRoadmap',
        tags: ['strategies'],
        security: [{ organisationToken: [] }],
        params: RoadmapParams,
        querystring: RoadmapQuery,
        response: apiResponses('The roadmap', Type.Ref(Roadmap), [400, 401, 403, 404], {
          headers: ['ETag'],
          notModified: true,
          otherContent: { [mediaTypes.svg]: Type.String({ description: 'The infographic (SVG 1.1)' }) },
        }),
      },
    },
    async (request: RoadmapRequest, reply) => {
      const today = isoDayInAmsterdam(new Date());
      const input = await loadRoadmapInput(db, organisationOf(request).id, request.locale, today);
      if (!input) throw notFound('The organisation has no active strategy.');
      const format = roadmapFormatOf(request.query.format, request.headers.accept);
      if (format === 'svg' && input.actions.length === 0)
        throw notFound('The strategy has no actions to draw.');
      const body = format === 'svg' ? renderRoadmapSvg(input) : JSON.stringify(roadmapJson(input));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      reply.header('ETag', etag).header('Vary', 'Accept');
      const held = request.headers['if-none-match'];
      if (held?.split(',').some((tag) => tag.trim() === etag)) return reply.code(304).send();
      return reply.type(format === 'svg' ? contentTypes.svg : contentTypes.json).send(body);
    },
  );
}
