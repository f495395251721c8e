import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { ActionFields, StrategyAction } from './strategy.model.ts';
import {
  strategyActionDependencies,
  strategyActionHistory,
  strategyActions,
  type FieldChange,
} from './strategy.tables.ts';

/** The low-level writes of actions, shared by the action service, versioning and the import. */
export function actionColumns(fields: ActionFields) {
  return {
    title: fields.title,
    description: fields.description,
    pillar: fields.pillar,
    themeId: fields.themeId,
    frameworkActionId: fields.frameworkActionId,
    taskIds: fields.taskIds,
    departments: fields.departments,
    startYear: fields.start.year,
    startQuarter: fields.start.quarter,
    endYear: fields.end.year,
    endQuarter: fields.end.quarter,
    budgetCents: fields.budgetCents,
    budgetKind: fields.budgetKind,
    partners: fields.partners,
    status: fields.status,
    progress: fields.progress,
    milestones: fields.milestones,
  };
}

export async function insertAction(tx: Db, strategyId: number, fields: ActionFields): Promise<number> {
  const [row] = await tx
    .insert(strategyActions)
    .values({ strategyId, ...actionColumns(fields) })
    .returning({ id: strategyActions.id });
  if (!row) throw new Error('action not created');
  return row.id;
}

export async function replaceDependencies(tx: Db, actionId: number, dependsOn: number[]): Promise<void> {
  await tx.delete(strategyActionDependencies).where(eq(strategyActionDependencies.actionId, actionId));
  if (dependsOn.length > 0)
    await tx
      .insert(strategyActionDependencies)
      .values([...new Set(dependsOn)].map((dependsOnId) => ({ actionId, dependsOnId })));
}

export async function recordHistory(
  tx: Db,
  entry: {
    strategyId: number;
    actionId: number;
    title: string;
    kind: string;
    changes: FieldChange[];
    actorUserId: number | null;
  },
): Promise<void> {
  await tx.insert(strategyActionHistory).values({
    strategyId: entry.strategyId,
    actionId: entry.actionId,
    actionTitle: entry.title,
    kind: entry.kind,
    changes: entry.changes,
    actorUserId: entry.actorUserId,
  });
}

/** Creates or edits one action: checks it against the framework and the other actions first. */
export async function updateActionRow(
  tx: Db,
  existing: StrategyAction,
  fields: ActionFields,
): Promise<number> {
  await tx
    .update(strategyActions)
    .set({ ...actionColumns(fields), version: existing.version + 1, updatedAt: new Date() })
    .where(eq(strategyActions.id, existing.id));
  return existing.id;
}

export async function copyActions(tx: Db, actions: StrategyAction[], strategyId: number): Promise<void> {
  const newIds = new Map<number, number>();
  for (const action of actions) newIds.set(action.id, await insertAction(tx, strategyId, action));
  const links = actions.flatMap((a) =>
    a.dependsOn.map((d) => ({ actionId: newIds.get(a.id) ?? 0, dependsOnId: newIds.get(d) ?? 0 })),
  );
  if (links.length > 0) await tx.insert(strategyActionDependencies).values(links);
}

/**
 * Updates many actions in one statement (the import): the rows travel as one JSON parameter, so a
 * 500-row file is one round trip instead of 500. The caller has locked the strategy and checked
 * every row's version in the same transaction.
 */
export async function updateActionRows(
  tx: Db,
  rows: { existing: StrategyAction; fields: ActionFields }[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map(({ existing, fields }) => ({
    id: existing.id,
    title: fields.title,
    description: fields.description,
    pillar: fields.pillar,
    theme_id: fields.themeId,
    framework_action_id: fields.frameworkActionId,
    task_ids: fields.taskIds,
    departments: fields.departments,
    start_year: fields.start.year,
    start_quarter: fields.start.quarter,
    end_year: fields.end.year,
    end_quarter: fields.end.quarter,
    budget_cents: fields.budgetCents,
    budget_kind: fields.budgetKind,
    partners: fields.partners,
    status: fields.status,
    progress: fields.progress,
    milestones: fields.milestones,
  }));
  await tx.execute(sql`
    update strategy_actions as a set
      title = x.title, description = x.description, pillar = x.pillar, theme_id = x.theme_id,
      framework_action_id = x.framework_action_id, task_ids = x.task_ids, departments = x.departments,
      start_year = x.start_year, start_quarter = x.start_quarter, end_year = x.end_year,
      end_quarter = x.end_quarter, budget_cents = x.budget_cents, budget_kind = x.budget_kind,
      partners = x.partners, status = x.status, progress = x.progress, milestones = x.milestones,
      version = a.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
      id integer, title text, description text, pillar text, theme_id text, framework_action_id text,
      task_ids jsonb, departments jsonb, start_year integer, start_quarter smallint, end_year integer,
      end_quarter smallint, budget_cents bigint, budget_kind text, partners jsonb, status text,
      progress smallint, milestones jsonb)
    where a.id = x.id`);
}
