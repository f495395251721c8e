import { Type, type Static } from '@sinclair/typebox';
import { actionStatuses, budgetKinds, type BudgetKind, type StrategyAction } from './strategy.model.ts';

/** The strategies API's shared schemas: an action as read and as written, the paths' parameters. */

export const Quarter = Type.String({
  pattern: '^\\d{4}-Q[1-4]$',
  example: '2027-Q3',
  description: 'Year and quarter',
});
export const quarterText = (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`;

/** A budget's kind, or null without a budget: null among the values, as OpenAPI 3.0 asks. */
const nullableKind = Type.Unsafe<BudgetKind | null>({
  type: 'string',
  enum: [...budgetKinds, null],
  nullable: true,
  description: 'Required with a budget',
});

export const Action = Type.Object(
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
    budgetKind: nullableKind,
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
export const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
export const StrategyParams = Type.Object({
  ...OrgParams.properties,
  strategyId: Type.Integer({ minimum: 1 }),
});
export const ActionParams = Type.Object({
  ...StrategyParams.properties,
  actionId: Type.Integer({ minimum: 1 }),
});
export const actionJson = (a: StrategyAction) => ({
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

export const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['strategies'],
  security: [{ organisationToken: [] }],
});

const shortList = (description: string) =>
  Type.Array(Type.String({ maxLength: 200, pattern: '^[^;\\r\\n]*$' }), { maxItems: 50, description });

/** An action as a client writes it: the same fields as the form, checked by the same code. */
export const ActionInput = Type.Object(
  {
    title: Type.String({ maxLength: 1000, description: 'At most 200 characters' }),
    description: Type.Optional(Type.String({ maxLength: 20_000, description: 'Markdown' })),
    themeId: Type.String({ maxLength: 100, description: 'Theme id of the framework; sets the pillar' }),
    frameworkActionId: Type.Optional(
      Type.Union([Type.Null(), Type.String({ maxLength: 100 })], {
        description: 'The framework’s recommended action it came from',
      }),
    ),
    societalTaskIds: Type.Optional(shortList('Societal tasks of the framework it serves')),
    departments: Type.Optional(shortList('Departments, each without a semicolon')),
    start: Type.String({ maxLength: 20, example: '2027-Q1', description: 'Year and quarter' }),
    end: Type.String({
      maxLength: 20,
      example: '2027-Q4',
      description: 'Year and quarter, not before start',
    }),
    budgetEuros: Type.Optional(
      // `nullable`, not a union with null: the body's coercion would read null as 0, or 0 as null.
      Type.Unsafe<number | null>({
        type: 'number',
        minimum: 0,
        nullable: true,
        description: 'At most two decimals; null for no budget',
      }),
    ),
    budgetKind: Type.Optional(nullableKind),
    partners: Type.Optional(shortList('Partners, each without a semicolon')),
    status: Type.String({ enum: [...actionStatuses] }),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    milestones: Type.Optional(
      Type.Array(
        Type.Object(
          {
            date: Type.String({ format: 'date' }),
            title: Type.String({
              maxLength: 500,
              pattern: '^[^|\\r\\n]+$',
              description: 'Without a | or a line break',
            }),
            isDone: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    dependsOn: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        maxItems: 200,
        description: 'Ids of actions of the same strategy it depends on',
      }),
    ),
  },
  { $id: 'StrategyActionInput', additionalProperties: false },
);
export type ActionInputBody = Static<typeof ActionInput>;
