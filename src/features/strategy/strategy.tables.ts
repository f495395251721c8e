import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { frameworkVersions } from '../framework/index.ts';

export const strategyStatuses = ['active', 'archived'] as const;
export type StrategyStatus = (typeof strategyStatuses)[number];

/** Where an action stands. The strategy owns the list; the roadmap only draws each one. */
export const actionStatuses = ['planned', 'running', 'done', 'paused', 'stopped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const budgetKinds = ['structural', 'incidental', 'project'] as const;
export type BudgetKind = (typeof budgetKinds)[number];

export interface StrategyTask {
  /** A societal task id of the framework. */
  taskId: string;
  ambition: string;
}

export interface StoredMilestone {
  /** ISO date, yyyy-mm-dd. */
  date: string;
  title: string;
  isDone: boolean;
}

/**
 * One row per version of an organisation's strategy. "Start a new version" archives the active row
 * and copies it with its actions, so an archived version stays exactly as it was (read-only).
 */
export const strategies = pgTable(
  'strategies',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    frameworkVersion: text('framework_version')
      .notNull()
      .references(() => frameworkVersions.version),
    /** 1, 2, 3 … per organisation: what people call "version 2 of our strategy". */
    versionNumber: integer('version_number').notNull(),
    status: text('status', { enum: strategyStatuses }).notNull().default('active'),
    title: text('title').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** Markdown, rendered through renderRichText. */
    vision: text('vision').notNull().default(''),
    tasks: jsonb('tasks').$type<StrategyTask[]>().notNull().default([]),
    /** Optimistic concurrency: an edit names the version it started from. */
    version: integer('version').notNull().default(1),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    // One active strategy per organisation, enforced by the database, not only by the service.
    uniqueIndex('strategies_one_active_idx')
      .on(t.organisationId)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex('strategies_version_number_idx').on(t.organisationId, t.versionNumber),
    check('strategies_status_check', sql`${t.status} in ('active', 'archived')`),
    check(
      'strategies_period_check',
      sql`${t.startYear} between 2000 and 2100 and ${t.endYear} >= ${t.startYear}`,
    ),
  ],
);

export const strategyActions = pgTable(
  'strategy_actions',
  {
    id: serial('id').primaryKey(),
    strategyId: integer('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    pillar: text('pillar').notNull(),
    themeId: text('theme_id').notNull(),
    /** The framework's recommended action this one was created from (a scan suggestion), if any. */
    frameworkActionId: text('framework_action_id'),
    taskIds: jsonb('task_ids').$type<string[]>().notNull().default([]),
    departments: jsonb('departments').$type<string[]>().notNull().default([]),
    startYear: integer('start_year').notNull(),
    startQuarter: smallint('start_quarter').notNull(),
    endYear: integer('end_year').notNull(),
    endQuarter: smallint('end_quarter').notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    budgetKind: text('budget_kind', { enum: budgetKinds }),
    partners: jsonb('partners').$type<string[]>().notNull().default([]),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    progress: smallint('progress').notNull().default(0),
    milestones: jsonb('milestones').$type<StoredMilestone[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('strategy_actions_strategy_idx').on(t.strategyId),
    check(
      'strategy_actions_quarters_check',
      sql`${t.startQuarter} between 1 and 4 and ${t.endQuarter} between 1 and 4`,
    ),
    check(
      'strategy_actions_order_check',
      sql`${t.startYear} * 4 + ${t.startQuarter} <= ${t.endYear} * 4 + ${t.endQuarter}`,
    ),
    check('strategy_actions_progress_check', sql`${t.progress} between 0 and 100`),
    check(
      'strategy_actions_status_check',
      sql`${t.status} in ('planned', 'running', 'done', 'paused', 'stopped')`,
    ),
    check(
      'strategy_actions_budget_check',
      sql`${t.budgetKind} is null or ${t.budgetKind} in ('structural', 'incidental', 'project')`,
    ),
    check('strategy_actions_budget_amount_check', sql`${t.budgetCents} is null or ${t.budgetCents} >= 0`),
  ],
);

/** Action → an action it depends on (same strategy; the service checks that, and refuses cycles). */
export const strategyActionDependencies = pgTable(
  'strategy_action_dependencies',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => strategyActions.id, { onDelete: 'cascade' }),
    dependsOnId: integer('depends_on_id')
      .notNull()
      .references(() => strategyActions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.dependsOnId] }),
    index('strategy_action_dependencies_target_idx').on(t.dependsOnId),
    check('strategy_action_dependencies_self_check', sql`${t.actionId} <> ${t.dependsOnId}`),
  ],
);

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * What changed on an action, by whom and when. Keeps the action id without a foreign key so the
 * history of a deleted action survives (its title is in the entry).
 */
export const strategyActionHistory = pgTable(
  'strategy_action_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    strategyId: integer('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    actionId: integer('action_id').notNull(),
    actionTitle: text('action_title').notNull(),
    /** created, updated, deleted, imported. */
    kind: text('kind').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('strategy_action_history_action_idx').on(t.actionId, t.at)],
);
