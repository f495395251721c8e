import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { auditLog } from '../../core/db/core.tables.ts';
import type { PillarId } from '../framework/index.ts';
import { pillarIds } from '../framework/index.ts';
import type { ActionStatus, Quarter, Strategy, StrategyAction } from './strategy.model.ts';
import {
  strategies,
  strategyActionDependencies,
  strategyActionHistory,
  strategyActions,
} from './strategy.tables.ts';

type StrategyRow = typeof strategies.$inferSelect;
type ActionRow = typeof strategyActions.$inferSelect;

function isPillarId(value: string): value is PillarId {
  return (pillarIds as readonly string[]).includes(value);
}

function quarterOf(year: number, quarter: number): Quarter {
  return { year, quarter: quarter === 1 || quarter === 2 || quarter === 3 ? quarter : 4 };
}

function toAction(row: ActionRow, dependsOn: number[]): StrategyAction {
  // The database's check constraints keep these in range; the fallbacks only satisfy the compiler.
  const status: ActionStatus = row.status;
  return {
    id: row.id,
    strategyId: row.strategyId,
    title: row.title,
    description: row.description,
    pillar: isPillarId(row.pillar) ? row.pillar : 'strategy',
    themeId: row.themeId,
    frameworkActionId: row.frameworkActionId,
    taskIds: row.taskIds,
    departments: row.departments,
    start: quarterOf(row.startYear, row.startQuarter),
    end: quarterOf(row.endYear, row.endQuarter),
    budgetCents: row.budgetCents,
    budgetKind: row.budgetKind,
    partners: row.partners,
    status,
    progress: row.progress,
    milestones: row.milestones,
    dependsOn,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function actionsOf(db: Db, strategyIds: number[]): Promise<StrategyAction[]> {
  if (strategyIds.length === 0) return [];
  const rows = await db
    .select()
    .from(strategyActions)
    .where(inArray(strategyActions.strategyId, strategyIds))
    .orderBy(asc(strategyActions.startYear), asc(strategyActions.startQuarter), asc(strategyActions.id));
  const ids = rows.map((r) => r.id);
  const dependencies =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(strategyActionDependencies)
          .where(inArray(strategyActionDependencies.actionId, ids));
  const byAction = new Map<number, number[]>();
  for (const d of dependencies)
    byAction.set(d.actionId, [...(byAction.get(d.actionId) ?? []), d.dependsOnId]);
  return rows.map((row) =>
    toAction(
      row,
      (byAction.get(row.id) ?? []).sort((a, b) => a - b),
    ),
  );
}

function toStrategy(row: StrategyRow, actions: StrategyAction[]): Strategy {
  return { ...row, actions };
}

export async function loadStrategies(db: Db, rows: StrategyRow[]): Promise<Strategy[]> {
  const actions = await actionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    toStrategy(
      row,
      actions.filter((a) => a.strategyId === row.id),
    ),
  );
}

export async function activeStrategyRows(db: Db, organisationIds: number[]): Promise<StrategyRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(strategies)
    .where(and(inArray(strategies.organisationId, organisationIds), eq(strategies.status, 'active')));
}

/** Only ever finds a strategy of the given organisation: another organisation's id answers nothing. */
export async function findStrategyRow(
  db: Db,
  organisationId: number,
  strategyId: number,
): Promise<StrategyRow | undefined> {
  const [row] = await db
    .select()
    .from(strategies)
    .where(and(eq(strategies.id, strategyId), eq(strategies.organisationId, organisationId)));
  return row;
}

export async function lockStrategy(tx: Db, strategyId: number): Promise<StrategyRow | undefined> {
  const [row] = await tx.select().from(strategies).where(eq(strategies.id, strategyId)).for('update');
  return row;
}

export async function listStrategyVersions(db: Db, organisationId: number) {
  return db
    .select({
      id: strategies.id,
      title: strategies.title,
      versionNumber: strategies.versionNumber,
      status: strategies.status,
      startYear: strategies.startYear,
      endYear: strategies.endYear,
      createdAt: strategies.createdAt,
      archivedAt: strategies.archivedAt,
    })
    .from(strategies)
    .where(eq(strategies.organisationId, organisationId))
    .orderBy(desc(strategies.versionNumber));
}

export async function historyOf(db: Db, strategyId: number, actionId: number) {
  return db
    .select({
      id: strategyActionHistory.id,
      kind: strategyActionHistory.kind,
      changes: strategyActionHistory.changes,
      at: strategyActionHistory.at,
      actorName: users.name,
    })
    .from(strategyActionHistory)
    .leftJoin(users, eq(users.id, strategyActionHistory.actorUserId))
    .where(
      and(eq(strategyActionHistory.strategyId, strategyId), eq(strategyActionHistory.actionId, actionId)),
    )
    .orderBy(desc(strategyActionHistory.at), desc(strategyActionHistory.id));
}

/** Who last saved the strategy's own fields (for the conflict message); from the audit log. */
export async function lastStrategyEditor(db: Db, strategyId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.action, 'strategy.updated'),
        sql`${auditLog.details}->>'strategyId' = ${String(strategyId)}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.name;
}

/** One entry of an action's history, with the strategy version it was made in. */
export interface ActionHistoryEntry {
  strategyId: number;
  actionId: number;
  actionTitle: string;
  kind: string;
  changes: { field: string; before: string; after: string }[];
  at: Date;
}

/**
 * What happened to the actions of every version of an organisation's strategy since a moment, oldest
 * first: the council letter's "since the previous letter". Earlier versions count too, since a new
 * version copies the actions without their history.
 */
export async function actionHistorySince(
  db: Db,
  organisationId: number,
  since: Date,
): Promise<ActionHistoryEntry[]> {
  return db
    .select({
      strategyId: strategyActionHistory.strategyId,
      actionId: strategyActionHistory.actionId,
      actionTitle: strategyActionHistory.actionTitle,
      kind: strategyActionHistory.kind,
      changes: strategyActionHistory.changes,
      at: strategyActionHistory.at,
    })
    .from(strategyActionHistory)
    .innerJoin(strategies, eq(strategies.id, strategyActionHistory.strategyId))
    .where(and(eq(strategies.organisationId, organisationId), gte(strategyActionHistory.at, since)))
    .orderBy(asc(strategyActionHistory.at), asc(strategyActionHistory.id));
}
