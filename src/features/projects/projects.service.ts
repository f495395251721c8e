import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import type { StrategyAction } from '../strategy/index.ts';
import { knowledgeProjects, projectMunicipalities, type ProjectStatus } from './projects.tables.ts';

export interface ProjectInput {
  title: string;
  theme: string;
  task: string;
  status: ProjectStatus;
  partners: string;
  link: string | null;
  sourceActionId: string | null;
  /** Organisation ids of the municipalities where it runs. */
  municipalityIds: number[];
}

async function insertProject(
  tx: Db,
  organisationId: number,
  input: ProjectInput,
  actorUserId: number | null,
) {
  const { municipalityIds, ...fields } = input;
  const [row] = await tx
    .insert(knowledgeProjects)
    .values({ ...fields, organisationId, createdByUserId: actorUserId })
    .returning({ id: knowledgeProjects.id });
  if (!row) throw new Error('project not created');
  const unique = [...new Set(municipalityIds)];
  if (unique.length > 0) {
    await tx
      .insert(projectMunicipalities)
      .values(unique.map((id) => ({ projectId: row.id, organisationId: id })));
  }
  return row.id;
}

export async function createProject(
  db: Db,
  organisationId: number,
  input: ProjectInput,
  actorUserId: number | null,
) {
  return db.transaction(async (tx) => {
    const id = await insertProject(tx, organisationId, input, actorUserId);
    await recordAudit(tx, {
      actorUserId,
      organisationId,
      action: 'project.created',
      details: { projectId: id },
    });
    return id;
  });
}

export async function deleteProject(
  db: Db,
  organisationId: number,
  projectId: number,
  actorUserId: number | null,
) {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(knowledgeProjects)
      .where(and(eq(knowledgeProjects.id, projectId), eq(knowledgeProjects.organisationId, organisationId)))
      .returning({ id: knowledgeProjects.id, title: knowledgeProjects.title });
    if (deleted.length === 0) return false;
    await recordAudit(tx, {
      actorUserId,
      organisationId,
      action: 'project.deleted',
      details: { projectId, title: deleted[0]?.title },
    });
    return true;
  });
}

const statusOfAction: Record<StrategyAction['status'], ProjectStatus | null> = {
  planned: 'planned',
  running: 'running',
  paused: 'running',
  done: 'done',
  // A stopped action is no project to join.
  stopped: null,
};

/** The project an action becomes: its title, theme, first societal task, status and partners. */
export function projectFromAction(action: StrategyAction, municipalityIds: number[]): ProjectInput | null {
  const status = statusOfAction[action.status];
  const task = action.taskIds[0];
  if (!status || !task) return null;
  return {
    title: action.title,
    theme: action.themeId,
    task,
    status,
    partners: action.partners.join(', '),
    link: null,
    sourceActionId: String(action.id),
    municipalityIds,
  };
}

/** Copies the chosen actions as projects, skipping those taken before; one transaction. */
export async function importActions(
  db: Db,
  organisationId: number,
  actions: StrategyAction[],
  municipalityIds: number[],
  actorUserId: number | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ sourceActionId: knowledgeProjects.sourceActionId })
      .from(knowledgeProjects)
      .where(eq(knowledgeProjects.organisationId, organisationId));
    const done = new Set(taken.map((t) => t.sourceActionId));
    let count = 0;
    for (const action of actions) {
      const input = projectFromAction(action, municipalityIds);
      if (!input || done.has(input.sourceActionId)) continue;
      await insertProject(tx, organisationId, input, actorUserId);
      count += 1;
    }
    // Taking over nothing new changes nothing, so it leaves no audit record either.
    if (count > 0)
      await recordAudit(tx, { actorUserId, organisationId, action: 'project.imported', details: { count } });
    return count;
  });
}
