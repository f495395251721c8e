import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { frameworkVersions } from '../framework/index.ts';

export const scanStatuses = ['draft', 'submitted'] as const;
export type ScanStatus = (typeof scanStatuses)[number];
/** "weet ik niet" and "niet van toepassing" are answers too, but neither counts in a score. */
export const responses = ['level', 'unknown', 'not-applicable'] as const;
export type Response = (typeof responses)[number];

export const scans = pgTable(
  'scans',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    frameworkVersion: text('framework_version')
      .notNull()
      .references(() => frameworkVersions.version),
    period: integer('period').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: scanStatuses }).notNull().default('draft'),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByUserId: integer('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedByUserId: integer('reopened_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('scans_organisation_idx').on(t.organisationId, t.period),
    // The benchmark's fingerprint: submitted scans per period, with their latest submission.
    index('scans_status_period_idx').on(t.status, t.period, t.submittedAt),
    check('scans_status_check', sql`${t.status} in ('draft', 'submitted')`),
    check('scans_period_check', sql`${t.period} between 2000 and 2100`),
  ],
);

export const scanRespondents = pgTable(
  'scan_respondents',
  {
    scanId: integer('scan_id')
      .notNull()
      .references(() => scans.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.userId] })],
);

const answerColumns = () => ({
  questionId: text('question_id').notNull(),
  response: text('response', { enum: responses }).notNull(),
  currentLevel: smallint('current_level'),
  targetLevel: smallint('target_level'),
  note: text('note').notNull().default(''),
  evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

const answerChecks = (
  t: { response: unknown; currentLevel: unknown; targetLevel: unknown },
  name: string,
) => [
  check(`${name}_response_check`, sql`${t.response} in ('level', 'unknown', 'not-applicable')`),
  check(`${name}_level_check`, sql`(${t.response} = 'level') = (${t.currentLevel} is not null)`),
  check(`${name}_current_range`, sql`${t.currentLevel} is null or ${t.currentLevel} between 1 and 5`),
  check(`${name}_target_range`, sql`${t.targetLevel} is null or ${t.targetLevel} between 1 and 5`),
];

/** What each respondent answered on their own. */
export const scanAnswers = pgTable(
  'scan_answers',
  {
    scanId: integer('scan_id')
      .notNull()
      .references(() => scans.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...answerColumns(),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.userId, t.questionId] }), ...answerChecks(t, 'scan_answers')],
);

/** The team's agreed answer per question; `version` guards against silent overwrites. */
export const scanConsensus = pgTable(
  'scan_consensus',
  {
    scanId: integer('scan_id')
      .notNull()
      .references(() => scans.id, { onDelete: 'cascade' }),
    ...answerColumns(),
    version: integer('version').notNull().default(1),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.questionId] }), ...answerChecks(t, 'scan_consensus')],
);

export const scoreKinds = ['theme', 'pillar', 'overall'] as const;

/** Scores stored when a scan is submitted, so that results and benchmarks never recompute answers. */
export const scanScores = pgTable(
  'scan_scores',
  {
    scanId: integer('scan_id')
      .notNull()
      .references(() => scans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: scoreKinds }).notNull(),
    /** Theme id, pillar id, or 'all'. */
    key: text('key').notNull(),
    score: numeric('score', { precision: 4, scale: 2, mode: 'number' }),
    target: numeric('target', { precision: 4, scale: 2, mode: 'number' }),
    answered: integer('answered').notNull(),
    questions: integer('questions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scanId, t.kind, t.key] }),
    // Figures someone has no score for are few; the benchmark looks them up per period.
    index('scan_scores_missing_idx')
      .on(t.scanId)
      .where(sql`${t.score} is null`),
  ],
);
