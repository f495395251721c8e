import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { scanOf } from './scan-context.ts';
import { answersOf, consensusOf, listScans } from './scan.queries.ts';
import { resultsOf } from './scan-results.ts';

const Level = Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]);

const ScanSummary = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    period: Type.Integer({ description: 'The year the scan measures', example: 2026 }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
    frameworkVersion: Type.String({ example: '2026.1' }),
    submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'ScanSummary' },
);

const ScoreSchema = Type.Object(
  {
    key: Type.String({ description: 'Theme id, pillar id, or "all"' }),
    score: Type.Union([Type.Number(), Type.Null()], {
      description: 'Mean level of the answered questions (1–5)',
    }),
    target: Type.Union([Type.Number(), Type.Null()]),
    answered: Type.Integer(),
    questions: Type.Integer(),
  },
  { $id: 'Score' },
);

const ScanResults = Type.Object(
  {
    scanId: Type.Integer(),
    isFinal: Type.Boolean({ description: 'False while the scan is a draft: the figures may still change' }),
    themes: Type.Array(Type.Ref(ScoreSchema)),
    pillars: Type.Array(Type.Ref(ScoreSchema)),
    overall: Type.Ref(ScoreSchema),
  },
  { $id: 'ScanResults' },
);

const AnswerSchema = Type.Object(
  {
    questionId: Type.String(),
    respondent: Type.Union([Type.Integer(), Type.Null()], {
      description: 'User id of the respondent; null for the agreed answer',
    }),
    isAgreed: Type.Boolean(),
    response: Type.Union([Type.Literal('level'), Type.Literal('unknown'), Type.Literal('not-applicable')]),
    currentLevel: Level,
    targetLevel: Level,
    note: Type.String(),
    evidence: Type.Array(Type.String()),
  },
  { $id: 'ScanAnswer' },
);

const ScanList = Type.Object({ items: Type.Array(Type.Ref(ScanSummary)) }, { $id: 'ScanList' });
const AnswerList = Type.Object({ items: Type.Array(Type.Ref(AnswerSchema)) }, { $id: 'ScanAnswerList' });
const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
const ScanParamsSchema = Type.Object({
  code: OrgParams.properties.code,
  scanId: Type.Integer({ minimum: 1 }),
});

type ScanRequest = FastifyRequest<{ Params: Static<typeof ScanParamsSchema> }>;

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['scans'],
  security: [{ organisationToken: [] }],
});

/** Read access to an organisation's own scans, answers and results, with an organisation API token. */
export function registerScanApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [ScanSummary, ScoreSchema, ScanResults, AnswerSchema, ScanList, AnswerList])
    app.addSchema(schema);
  const route = { config: { access: access.organisationApi('scans') } };
  const errors = [400, 401, 403, 404] as const;

  app.get(
    `${apiPrefix}/organisations/:code/scans`,
    {
      ...route,
      schema: {
        ...common(
          'List the organisation’s scans',
          'listScans',
          'Drafts and submitted scans, newest period first.',
        ),
        params: OrgParams,
        response: apiResponses('The scans', Type.Ref(ScanList), [...errors]),
      },
    },
    async (request) => {
      const organisation = request.organisation;
      if (!organisation) return { items: [] };
      const items = await listScans(db, organisation.id);
      return { items: items.map((s) => ({ ...s, submittedAt: s.submittedAt?.toISOString() ?? null })) };
    },
  );

  app.get(
    `${apiPrefix}/organisations/:code/scans/:scanId/answers`,
    {
      ...route,
      schema: {
        ...common(
          'List the answers of a scan',
          'listScanAnswers',
          'Every respondent’s answers and the agreed answers.',
        ),
        params: ScanParamsSchema,
        response: apiResponses('The answers', Type.Ref(AnswerList), [...errors]),
      },
    },
    async (request: ScanRequest) => {
      const { scan } = await scanOf(request);
      const individual = (await answersOf(db, scan.id)).map((a) => ({
        ...a,
        respondent: a.userId,
        isAgreed: false,
      }));
      const agreed = (await consensusOf(db, scan.id)).map((a) => ({
        ...a,
        respondent: null,
        isAgreed: true,
      }));
      return { items: [...individual, ...agreed] };
    },
  );

  app.get(
    `${apiPrefix}/organisations/:code/scans/:scanId/results`,
    {
      ...route,
      schema: {
        ...common(
          'Get the results of a scan',
          'getScanResults',
          'Scores per theme, per pillar and overall (levels 1–5).',
        ),
        params: ScanParamsSchema,
        response: apiResponses('The results', Type.Ref(ScanResults), [...errors]),
      },
    },
    async (request: ScanRequest) => {
      const { scan } = await scanOf(request);
      const results = await resultsOf(db, scan);
      return { scanId: scan.id, isFinal: scan.status === 'submitted', ...results };
    },
  );
}
