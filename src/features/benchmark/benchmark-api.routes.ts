import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { minimumGroupSize } from './benchmark-anonymity.ts';
import { groupIdPattern, openDataSet } from './open-data.service.ts';

export const openDataLicence = {
  name: 'CC0 1.0 Universal (public domain dedication)',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const;

/** The rule in one sentence, as the API and the open-data page state it. */
export const ruleSentence =
  `A group's figures are published only when at least ${minimumGroupSize} organisations contribute to ` +
  `them and no other published group of the same period differs from that group by 1 to ` +
  `${minimumGroupSize - 1} organisations; each period uses only its own scans.`;

const GroupId = Type.String({
  pattern: groupIdPattern,
  maxLength: 50,
  description:
    'Peer group: all (every contributing organisation), province:<CBS province code>, ' +
    'network:<network code> or size:<CBS municipality size class 1–8>',
  example: 'province:PV28',
});

const BenchmarkFigure = Type.Object(
  {
    period: Type.Integer({ description: 'The year the scans measure', example: 2026 }),
    group: GroupId,
    groupSize: Type.Integer({
      description: 'Organisations that contribute to the group in this period',
      example: 12,
    }),
    kind: Type.Union([Type.Literal('theme'), Type.Literal('pillar'), Type.Literal('overall')], {
      description: 'What the figure summarises: one theme, one pillar, or the overall score',
    }),
    key: Type.String({
      description: 'Theme id, pillar id, or "all" for the overall score',
      example: 'ethics',
    }),
    q1: Type.Number({
      description: 'First quartile of the scores (levels 1–5, linear interpolation)',
      example: 2.25,
    }),
    median: Type.Number({ description: 'Median of the scores', example: 2.75 }),
    q3: Type.Number({ description: 'Third quartile of the scores', example: 3.25 }),
    count: Type.Integer({ description: 'Organisations with a score for this theme or pillar', example: 12 }),
  },
  { $id: 'BenchmarkFigure' },
);

const WithheldGroup = Type.Object(
  {
    group: GroupId,
    reason: Type.Union([Type.Literal('tooFew'), Type.Literal('differencing')], {
      description:
        `tooFew: fewer than ${minimumGroupSize} contributing organisations; differencing: the group ` +
        'differs by too few organisations from another published group',
    }),
  },
  { $id: 'WithheldBenchmarkGroup' },
);

const BenchmarkList = Type.Object(
  {
    period: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The period of the figures; null when no scan has been submitted yet',
      example: 2026,
    }),
    items: Type.Array(Type.Ref(BenchmarkFigure)),
    withheld: Type.Array(Type.Ref(WithheldGroup), {
      description: 'Groups whose figures are withheld, with the reason; never with figures',
    }),
  },
  { $id: 'BenchmarkList' },
);

export const BenchmarkQuery = Type.Object({
  period: Type.Optional(
    Type.Integer({
      minimum: 2000,
      maximum: 2100,
      description: 'The year; default the latest year with submitted scans',
      example: 2026,
    }),
  ),
  group: Type.Optional(GroupId),
});
export type BenchmarkQuery = Static<typeof BenchmarkQuery>;

const description =
  'Aggregated maturity scores (first quartile, median, third quartile) per peer group, per theme, ' +
  `pillar and overall. ${ruleSentence} The figures are open data under ${openDataLicence.name}: ` +
  `${openDataLicence.url}. The same rows as CSV: /open-data/benchmarks.csv.`;

/** Open data: the benchmark figures of shown groups, readable by anyone. */
export function registerBenchmarkApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [BenchmarkFigure, WithheldGroup, BenchmarkList]) app.addSchema(schema);

  app.get<{ Querystring: BenchmarkQuery }>(
    `${apiPrefix}/benchmarks`,
    {
      config: { access: access.public },
      schema: {
        summary: 'List the benchmark figures (open data)',
        description,
        operationId: 'listBenchmarks',
        tags: ['benchmarks'],
        querystring: BenchmarkQuery,
        response: apiResponses(
          'The figures of the shown groups and the withheld groups',
          Type.Ref(BenchmarkList),
          [400],
        ),
      },
    },
    async (request) => openDataSet(db, request.query),
  );
}
