import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

export const projectStatuses = ['planned', 'running', 'done'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A digital project on the regional map, owned by the organisation that entered it. */
export const knowledgeProjects = pgTable(
  'knowledge_projects',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** A framework theme id. */
    theme: text('theme').notNull(),
    /** A framework societal-task id. */
    task: text('task').notNull(),
    status: text('status', { enum: projectStatuses }).notNull(),
    partners: text('partners').notNull().default(''),
    link: text('link'),
    /** The strategy action it was taken from, when it was; null for direct entry. */
    sourceActionId: text('source_action_id'),
    version: integer('version').notNull().default(1),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_projects_organisation_idx').on(t.organisationId),
    check('knowledge_projects_status_check', sql`${t.status} in ('planned', 'running', 'done')`),
  ],
);

/** The municipalities a project runs in (the owner's own municipality, and any others). */
export const projectMunicipalities = pgTable(
  'knowledge_project_municipalities',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => knowledgeProjects.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId] }),
    index('knowledge_project_municipalities_org_idx').on(t.organisationId),
  ],
);
