import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { sharingModesOf } from '../sharing/index.ts';
import { knowledgeProjects, projectMunicipalities, type ProjectStatus } from './projects.tables.ts';

export interface ProjectFilters {
  theme?: string | undefined;
  task?: string | undefined;
}

export interface ProjectView {
  id: number;
  title: string;
  theme: string;
  task: string;
  status: ProjectStatus;
  partners: string;
  link: string | null;
  sourceActionId: string | null;
  ownerId: number;
  ownerName: string;
  municipalities: { code: string; name: string }[];
}

/** Projects with their owner; their municipalities come in one second query, not one per project. */
async function projectRows(db: Db, where: ReturnType<typeof and>): Promise<ProjectView[]> {
  const rows = await db
    .select({
      id: knowledgeProjects.id,
      title: knowledgeProjects.title,
      theme: knowledgeProjects.theme,
      task: knowledgeProjects.task,
      status: knowledgeProjects.status,
      partners: knowledgeProjects.partners,
      link: knowledgeProjects.link,
      sourceActionId: knowledgeProjects.sourceActionId,
      ownerId: knowledgeProjects.organisationId,
      ownerName: organisations.displayName,
    })
    .from(knowledgeProjects)
    .innerJoin(organisations, eq(organisations.id, knowledgeProjects.organisationId))
    .where(where)
    .orderBy(asc(knowledgeProjects.title), asc(knowledgeProjects.id));
  if (rows.length === 0) return [];
  const links = await db
    .select({
      projectId: projectMunicipalities.projectId,
      code: organisations.code,
      name: organisations.displayName,
    })
    .from(projectMunicipalities)
    .innerJoin(organisations, eq(organisations.id, projectMunicipalities.organisationId))
    .where(
      inArray(
        projectMunicipalities.projectId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organisations.displayName));
  const byProject = new Map<number, { code: string; name: string }[]>();
  for (const { projectId, code, name } of links)
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), { code, name }]);
  return rows.map((r) => ({ ...r, municipalities: byProject.get(r.id) ?? [] }));
}

export function ownProjects(db: Db, organisationId: number): Promise<ProjectView[]> {
  return projectRows(db, and(eq(knowledgeProjects.organisationId, organisationId)));
}

export async function findOwnProject(db: Db, organisationId: number, id: number) {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const [row] = await projectRows(
    db,
    and(eq(knowledgeProjects.organisationId, organisationId), eq(knowledgeProjects.id, id)),
  );
  return row;
}

export interface SharedProjects {
  /** Projects of organisations that share by name: shown with title, owner and municipalities. */
  named: ProjectView[];
  /** How many projects organisations that share aggregated have: a regional total only. */
  aggregatedCount: number;
}

/**
 * The projects others may see, split by the owner's sharing choice (`sharingModesOf`, the sharing
 * slice's): named → by name; aggregated → counted in the regional total only; not shared → left out.
 */
export async function sharedProjects(db: Db, filters: ProjectFilters): Promise<SharedProjects> {
  const rows = await projectRows(db, filterCondition(filters));
  const modes = await sharingModesOf(db, [...new Set(rows.map((r) => r.ownerId))]);
  return {
    named: rows.filter((r) => modes.get(r.ownerId) === 'named'),
    aggregatedCount: rows.filter((r) => modes.get(r.ownerId) === 'aggregated').length,
  };
}

export interface Municipality {
  id: number;
  code: string;
  name: string;
}

/** The municipalities of a province, by display name. */
export async function municipalitiesOfProvince(db: Db, provinceCode: string): Promise<Municipality[]> {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.displayName })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.provinceCode, provinceCode)))
    .orderBy(asc(organisations.displayName));
}

export async function organisationsByCode(db: Db, codes: string[]): Promise<Municipality[]> {
  if (codes.length === 0) return [];
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.displayName })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.code, codes)));
}

export interface MapCounts {
  /** Named projects per municipality code. */
  perMunicipality: Map<string, number>;
  namedCount: number;
  aggregatedCount: number;
}

function filterCondition(filters: ProjectFilters) {
  return and(
    filters.theme ? eq(knowledgeProjects.theme, filters.theme) : undefined,
    filters.task ? eq(knowledgeProjects.task, filters.task) : undefined,
  );
}

/** Owners of matching projects, grouped by their sharing choice. */
async function ownersBySharing(db: Db, filters: ProjectFilters) {
  const owners = await db
    .selectDistinct({ id: knowledgeProjects.organisationId })
    .from(knowledgeProjects)
    .where(filterCondition(filters));
  const modes = await sharingModesOf(
    db,
    owners.map((o) => o.id),
  );
  const withMode = (mode: string) => owners.map((o) => o.id).filter((id) => modes.get(id) === mode);
  return { named: withMode('named'), aggregated: withMode('aggregated') };
}

async function projectCount(db: Db, filters: ProjectFilters, ownerIds: number[]): Promise<number> {
  if (ownerIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(knowledgeProjects)
    .where(and(filterCondition(filters), inArray(knowledgeProjects.organisationId, ownerIds)));
  return row?.n ?? 0;
}

/** What the map needs, counted in the database: the same rule as `sharedProjects`, without loading each project. */
export async function mapCounts(db: Db, filters: ProjectFilters): Promise<MapCounts> {
  const owners = await ownersBySharing(db, filters);
  const perMunicipality = new Map<string, number>();
  if (owners.named.length > 0) {
    const rows = await db
      .select({ code: organisations.code, n: count() })
      .from(projectMunicipalities)
      .innerJoin(knowledgeProjects, eq(knowledgeProjects.id, projectMunicipalities.projectId))
      .innerJoin(organisations, eq(organisations.id, projectMunicipalities.organisationId))
      .where(and(filterCondition(filters), inArray(knowledgeProjects.organisationId, owners.named)))
      .groupBy(organisations.code);
    for (const row of rows) perMunicipality.set(row.code, row.n);
  }
  return {
    perMunicipality,
    namedCount: await projectCount(db, filters, owners.named),
    aggregatedCount: await projectCount(db, filters, owners.aggregated),
  };
}
