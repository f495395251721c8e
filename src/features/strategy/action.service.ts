import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { getFramework, type Framework } from '../framework/index.ts';
import { diffFields } from './strategy-describe.ts';
import { checkDependencies, type DependencyProblem } from './strategy-guards.ts';
import type { ActionFields, StrategyAction } from './strategy.model.ts';
import { loadStrategies, lockStrategy } from './strategy.queries.ts';
import {
  strategyActionDependencies,
  strategyActionHistory,
  strategyActions,
  type FieldChange,
} from './strategy.tables.ts';
import {
  actionColumns,
  insertAction,
  recordHistory,
  replaceDependencies,
  updateActionRow,
  updateActionRows,
} from './strategy-writes.ts';

/** Framework facts an action must agree with: the theme exists and is of the pillar, tasks exist. */
export type FrameworkProblem =
  { kind: 'unknownTheme' } | { kind: 'themeNotInPillar' } | { kind: 'unknownTask'; id: string };

export function checkAgainstFramework(
  framework: Framework,
  fields: ActionFields,
): FrameworkProblem | undefined {
  const theme = framework.themes.find((t) => t.id === fields.themeId);
  if (!theme) return { kind: 'unknownTheme' };
  if (theme.pillar !== fields.pillar) return { kind: 'themeNotInPillar' };
  const unknown = fields.taskIds.find((id) => !framework.societalTasks.some((t) => t.id === id));
  return unknown ? { kind: 'unknownTask', id: unknown } : undefined;
}

export type ActionWriteResult =
  | { ok: true; actionId: number }
  | { ok: false; problem: 'notFound' | 'archived' }
  | { ok: false; problem: 'framework'; detail: FrameworkProblem }
  | { ok: false; problem: 'dependency'; detail: DependencyProblem; actions: StrategyAction[] }
  | { ok: false; problem: 'conflict'; stored: StrategyAction };

export interface ActionWriteInput {
  organisationId: number;
  strategyId: number;
  actorUserId: number | null;
  fields: ActionFields;
  /** Absent for a new action; for an edit, the version the editor started from. */
  actionId?: number;
  expectedVersion?: number;
}

export async function saveAction(db: Db, input: ActionWriteInput): Promise<ActionWriteResult> {
  return db.transaction(async (tx) => {
    const row = await lockStrategy(tx, input.strategyId);
    if (!row || row.organisationId !== input.organisationId)
      return { ok: false, problem: 'notFound' } as const;
    if (row.status !== 'active') return { ok: false, problem: 'archived' } as const;
    const frameworkProblem = checkAgainstFramework(getFramework(row.frameworkVersion), input.fields);
    if (frameworkProblem) return { ok: false, problem: 'framework', detail: frameworkProblem } as const;
    const [strategy] = await loadStrategies(tx, [row]);
    const actions = strategy?.actions ?? [];
    const existing = input.actionId === undefined ? undefined : actions.find((a) => a.id === input.actionId);
    if (input.actionId !== undefined && !existing) return { ok: false, problem: 'notFound' } as const;
    if (existing && existing.version !== input.expectedVersion)
      return { ok: false, problem: 'conflict', stored: existing } as const;
    const dependencyProblem = checkDependencies({ ...input.fields, id: existing?.id ?? 0 }, actions);
    if (dependencyProblem)
      return { ok: false, problem: 'dependency', detail: dependencyProblem, actions } as const;
    const actionId = existing
      ? await updateActionRow(tx, existing, input.fields)
      : await insertAction(tx, row.id, input.fields);
    await replaceDependencies(tx, actionId, input.fields.dependsOn);
    const kind = existing ? 'updated' : 'created';
    await recordHistory(tx, {
      strategyId: row.id,
      actionId,
      title: input.fields.title,
      kind,
      changes: diffFields(existing ?? null, input.fields),
      actorUserId: input.actorUserId,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: `strategy.action.${kind}`,
      details: { strategyId: row.id, actionId },
    });
    return { ok: true, actionId } as const;
  });
}

export type DeleteActionResult =
  | { ok: true }
  | { ok: false; problem: 'notFound' | 'archived' }
  | { ok: false; problem: 'conflict'; stored: StrategyAction }
  | { ok: false; problem: 'hasDependants'; titles: string[] };

/** Refuses to delete an action others depend on: the editor removes those dependencies first. */
export async function deleteAction(
  db: Db,
  input: {
    organisationId: number;
    strategyId: number;
    actionId: number;
    actorUserId: number | null;
    /** The version the deletion is based on (the API's If-Match); checked under the strategy's lock. */
    expectedVersion?: number;
  },
): Promise<DeleteActionResult> {
  return db.transaction(async (tx) => {
    const row = await lockStrategy(tx, input.strategyId);
    if (!row || row.organisationId !== input.organisationId)
      return { ok: false, problem: 'notFound' } as const;
    if (row.status !== 'active') return { ok: false, problem: 'archived' } as const;
    const [strategy] = await loadStrategies(tx, [row]);
    const action = strategy?.actions.find((a) => a.id === input.actionId);
    if (!action) return { ok: false, problem: 'notFound' } as const;
    if (input.expectedVersion !== undefined && action.version !== input.expectedVersion)
      return { ok: false, problem: 'conflict', stored: action } as const;
    const dependants = (strategy?.actions ?? []).filter((a) => a.dependsOn.includes(action.id));
    if (dependants.length > 0)
      return { ok: false, problem: 'hasDependants', titles: dependants.map((a) => a.title) } as const;
    await tx
      .delete(strategyActions)
      .where(and(eq(strategyActions.id, action.id), eq(strategyActions.strategyId, row.id)));
    await recordHistory(tx, {
      strategyId: row.id,
      actionId: action.id,
      title: action.title,
      kind: 'deleted',
      changes: diffFields(action, null),
      actorUserId: input.actorUserId,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      organisationId: input.organisationId,
      action: 'strategy.action.deleted',
      details: { strategyId: row.id, actionId: action.id, title: action.title },
    });
    return { ok: true } as const;
  });
}

export interface ImportedAction {
  existing: StrategyAction | undefined;
  fields: ActionFields;
  changes: FieldChange[];
}

/**
 * Writes an import's checked rows inside the import's transaction: new actions in one insert, the
 * dependencies and history in one statement each, so a 500-row file is a handful of round trips.
 */
export async function applyImport(
  tx: Db,
  input: { strategyId: number; actions: ImportedAction[]; actorUserId: number },
): Promise<void> {
  const added = input.actions.filter((a) => !a.existing);
  const addedIds =
    added.length === 0
      ? []
      : await tx
          .insert(strategyActions)
          .values(added.map((a) => ({ strategyId: input.strategyId, ...actionColumns(a.fields) })))
          .returning({ id: strategyActions.id });
  const written = added.map((a, i) => ({ ...a, id: addedIds[i]?.id ?? 0 }));
  const updates = input.actions.flatMap((a) => (a.existing ? [{ ...a, existing: a.existing }] : []));
  await updateActionRows(tx, updates);
  written.push(...updates.map((a) => ({ ...a, id: a.existing.id })));
  if (written.length === 0) return;
  await tx.delete(strategyActionDependencies).where(
    inArray(
      strategyActionDependencies.actionId,
      written.map((w) => w.id),
    ),
  );
  const links = written.flatMap((w) =>
    [...new Set(w.fields.dependsOn)].map((dependsOnId) => ({ actionId: w.id, dependsOnId })),
  );
  if (links.length > 0) await tx.insert(strategyActionDependencies).values(links);
  await tx.insert(strategyActionHistory).values(
    written.map((w) => ({
      strategyId: input.strategyId,
      actionId: w.id,
      actionTitle: w.fields.title,
      kind: w.existing ? 'imported' : 'created',
      changes: w.changes,
      actorUserId: input.actorUserId,
    })),
  );
}
