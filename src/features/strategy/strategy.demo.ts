import { Type, type Static } from '@sinclair/typebox';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { memberships } from '../../core/auth/auth.tables.ts';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { actionStatuses, budgetKinds, parseQuarter, type ActionFields } from './strategy.model.ts';
import { createStrategy } from './strategy.service.ts';
import { saveAction } from './action.service.ts';
import { strategies } from './strategy.tables.ts';

/**
 * One demo action, compactly: dependencies are indexes into the same list (earlier entries only).
 * Dates are quarters "2026-Q1"; budgets whole euros.
 */
const DemoAction = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    theme: Type.String({ minLength: 1 }),
    tasks: Type.Array(Type.String()),
    start: Type.String({ pattern: '^\\d{4}-Q[1-4]$' }),
    end: Type.String({ pattern: '^\\d{4}-Q[1-4]$' }),
    euros: Type.Optional(Type.Integer({ minimum: 0 })),
    kind: Type.Optional(oneOf(budgetKinds)),
    status: oneOf(actionStatuses),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    dependsOn: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
    departments: Type.Array(Type.String()),
    partners: Type.Optional(Type.Array(Type.String())),
    milestones: Type.Optional(
      Type.Array(
        Type.Object(
          { date: Type.String(), title: Type.String(), isDone: Type.Boolean() },
          { additionalProperties: false },
        ),
      ),
    ),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
type DemoAction = Static<typeof DemoAction>;

const strategyFields = {
  title: Type.String({ minLength: 1 }),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  vision: Type.String(),
  tasks: Type.Array(
    Type.Object({ taskId: Type.String(), ambition: Type.String() }, { additionalProperties: false }),
  ),
  actions: Type.Array(DemoAction),
};

const DemoStrategies = Type.Object(
  {
    strategies: Type.Array(
      Type.Object(
        {
          organisation: Type.String({ minLength: 1 }),
          ...strategyFields,
          /** An earlier version, written first and archived, so the version list has history. */
          earlier: Type.Optional(
            Type.Object(
              { ...strategyFields, archivedAt: Type.String({ minLength: 1 }) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type DemoPlan = Omit<Static<typeof DemoStrategies>['strategies'][number], 'organisation' | 'earlier'>;

function fieldsOf(action: DemoAction, ids: number[]): ActionFields {
  const start = parseQuarter(action.start);
  const end = parseQuarter(action.end);
  if (!start || !end) throw new Error(`Demo data: bad quarter in ${action.title}`);
  return {
    title: action.title,
    description: action.description ?? '',
    pillar: 'strategy',
    themeId: action.theme,
    frameworkActionId: null,
    taskIds: action.tasks,
    departments: action.departments,
    start,
    end,
    budgetCents: action.euros === undefined ? null : action.euros * 100,
    budgetKind: action.kind ?? null,
    partners: action.partners ?? [],
    status: action.status,
    progress: action.progress,
    milestones: action.milestones ?? [],
    dependsOn: (action.dependsOn ?? []).map((i) => ids[i] ?? 0),
  };
}

async function editorOf(db: Db, organisationId: number): Promise<number | null> {
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.organisationId, organisationId), inArray(memberships.role, ['admin', 'editor'])),
    )
    .orderBy(asc(memberships.userId))
    .limit(1);
  return member?.userId ?? null;
}

/** Writes one strategy through the service (so every rule holds); the pillar follows the theme. */
async function writeStrategy(
  db: Db,
  organisationId: number,
  actorUserId: number | null,
  plan: DemoPlan,
): Promise<number> {
  const { title, startYear, endYear, vision, tasks } = plan;
  const created = await createStrategy(db, {
    organisationId,
    actorUserId,
    fields: { title, startYear, endYear, vision, tasks },
    frameworkVersion: latestFrameworkVersion(),
  });
  if (!created.ok) throw new Error(`Demo data: cannot create ${plan.title}`);
  const ids: number[] = [];
  for (const action of plan.actions) {
    const theme = getFramework(latestFrameworkVersion()).themes.find((t) => t.id === action.theme);
    const fields = { ...fieldsOf(action, ids), pillar: theme?.pillar ?? 'strategy' };
    const saved = await saveAction(db, {
      organisationId,
      strategyId: created.strategyId,
      actorUserId,
      fields,
    });
    if (!saved.ok) throw new Error(`Demo data: cannot add “${action.title}” (${saved.problem})`);
    ids.push(saved.actionId);
  }
  return created.strategyId;
}

/**
 * Demo strategies: Rotterdam a full active one (about 25 actions, some with warnings) and an archived
 * earlier version; Den Haag a draft-like one with few actions; Delft one without actions; the
 * province its own; every other organisation none. Idempotent: an organisation that has any
 * strategy is left alone.
 */
export async function seedDemoStrategies(db: Db): Promise<{ strategies: number }> {
  let count = 0;
  for (const plan of loadDemoContent('strategies', DemoStrategies).strategies) {
    const [organisation] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, plan.organisation));
    if (!organisation) throw new Error(`Demo data: no organisation ${plan.organisation}`);
    const existing = await db
      .select({ id: strategies.id })
      .from(strategies)
      .where(eq(strategies.organisationId, organisation.id));
    if (existing.length > 0) continue;
    const actor = await editorOf(db, organisation.id);
    if (plan.earlier) {
      const earlierId = await writeStrategy(db, organisation.id, actor, plan.earlier);
      await db
        .update(strategies)
        .set({ status: 'archived', archivedAt: new Date(plan.earlier.archivedAt) })
        .where(eq(strategies.id, earlierId));
      count++;
    }
    await writeStrategy(db, organisation.id, actor, plan);
    count++;
  }
  return { strategies: count };
}
