import { and, asc, desc, eq, gt, gte, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { apiTokens, networkCoordinators, users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { looselyMatches } from '../../core/db/loose-match.ts';
import { networks, organisations } from '../../core/db/core.tables.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import { hoursPerDay } from './cases-rules.ts';
import {
  advisoryDays,
  assignmentVersions,
  brigadeCases,
  caseEvents,
  type CaseStatus,
  type DayParty,
} from './intake.tables.ts';

/** Reads of the Brigade questions: for coordinators (everything) and the municipality (its own, public part). */
/** Hours logged on a question; with a party, only that party's (the budget counts only the firm's). */
export async function totalHours(db: Db, caseId: number, party?: DayParty): Promise<number> {
  const [row] = await db
    .select({ hours: sql<string>`coalesce(sum(${advisoryDays.hours}), 0)` })
    .from(advisoryDays)
    .where(and(eq(advisoryDays.caseId, caseId), party ? eq(advisoryDays.party, party) : undefined));
  return Number(row?.hours ?? 0);
}

export async function loadCase(db: Db, caseId: number, organisationId?: number) {
  const [row] = await db
    .select({
      case: brigadeCases,
      organisation: organisations.displayName,
      code: organisations.code,
      assignee: users.name,
    })
    .from(brigadeCases)
    .innerJoin(organisations, eq(organisations.id, brigadeCases.organisationId))
    .leftJoin(users, eq(users.id, brigadeCases.assigneeUserId))
    .where(
      and(
        eq(brigadeCases.id, caseId),
        organisationId === undefined ? undefined : eq(brigadeCases.organisationId, organisationId),
      ),
    );
  return row;
}

export async function caseTimeline(db: Db, caseId: number, includeInternal: boolean) {
  return db
    .select({
      at: caseEvents.at,
      kind: caseEvents.kind,
      details: caseEvents.details,
      actor: users.name,
      isInternal: caseEvents.isInternal,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(and(eq(caseEvents.caseId, caseId), includeInternal ? undefined : eq(caseEvents.isInternal, false)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export async function caseDays(db: Db, caseId: number) {
  return db
    .select()
    .from(advisoryDays)
    .where(eq(advisoryDays.caseId, caseId))
    .orderBy(asc(advisoryDays.workDate), asc(advisoryDays.id));
}

export async function caseAssignmentVersions(db: Db, caseId: number) {
  return db
    .select({
      version: assignmentVersions.version,
      createdAt: assignmentVersions.createdAt,
      author: users.name,
    })
    .from(assignmentVersions)
    .leftJoin(users, eq(users.id, assignmentVersions.authorUserId))
    .where(eq(assignmentVersions.caseId, caseId))
    .orderBy(desc(assignmentVersions.version));
}

/** A page of the list by number: after (ascending) or before (descending) a question, at most `size`. */
export interface CasePage {
  fromId: number;
  ascending: boolean;
  size: number;
}

export async function listCases(
  db: Db,
  filter: { status?: CaseStatus; search?: string; organisationId?: number; page?: CasePage },
) {
  const conditions: SQL[] = [];
  const { page } = filter;
  if (page && page.fromId > 0)
    conditions.push(page.ascending ? gt(brigadeCases.id, page.fromId) : lt(brigadeCases.id, page.fromId));
  if (filter.status) conditions.push(eq(brigadeCases.status, filter.status));
  if (filter.organisationId !== undefined)
    conditions.push(eq(brigadeCases.organisationId, filter.organisationId));
  if (filter.search) {
    const columns = [
      brigadeCases.description,
      brigadeCases.contactName,
      organisations.displayName,
      brigadeCases.assignment,
    ];
    conditions.push(
      looselyMatches(
        columns.map((c) => sql`${c}`),
        filter.search,
      ),
    );
  }
  return db
    .select({
      id: brigadeCases.id,
      organisation: organisations.displayName,
      code: organisations.code,
      contactName: brigadeCases.contactName,
      contactEmail: brigadeCases.contactEmail,
      category: brigadeCases.category,
      urgency: brigadeCases.urgency,
      status: brigadeCases.status,
      assignee: users.name,
      createdAt: brigadeCases.createdAt,
      closedAt: brigadeCases.closedAt,
      days: sql<string>`(select coalesce(sum(${advisoryDays.hours}), 0) from ${advisoryDays} where ${advisoryDays.caseId} = ${brigadeCases.id} and ${advisoryDays.party} = 'firm') / ${hoursPerDay}`,
      fromScan: sql<boolean>`${brigadeCases.sourceScanId} is not null`,
    })
    .from(brigadeCases)
    .innerJoin(organisations, eq(organisations.id, brigadeCases.organisationId))
    .leftJoin(users, eq(users.id, brigadeCases.assigneeUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(
      ...(page
        ? [page.ascending ? asc(brigadeCases.id) : desc(brigadeCases.id)]
        : [desc(brigadeCases.createdAt), desc(brigadeCases.id)]),
    )
    .limit(page?.size ?? 1000);
}

export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

/**
 * An organisation's Brigade questions still being handled, and those closed or declined since
 * `closedSince`, newest first: one statement for the dashboard.
 */
export async function casesToFollow(db: Db, organisationId: number, closedSince: Date) {
  return db
    .select({
      id: brigadeCases.id,
      category: brigadeCases.category,
      status: brigadeCases.status,
      createdAt: brigadeCases.createdAt,
    })
    .from(brigadeCases)
    .where(
      and(
        eq(brigadeCases.organisationId, organisationId),
        or(notInArray(brigadeCases.status, ['closed', 'declined']), gte(brigadeCases.closedAt, closedSince)),
      ),
    )
    .orderBy(desc(brigadeCases.createdAt), desc(brigadeCases.id))
    .limit(5);
}

/** The coordinators of a network, who may be assigned a question. */
export async function coordinatorsOf(db: Db, network: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(networkCoordinators)
    .innerJoin(networks, eq(networks.id, networkCoordinators.networkId))
    .innerJoin(users, eq(users.id, networkCoordinators.userId))
    .where(eq(networks.code, network))
    .orderBy(asc(users.name));
}

/** Whether the API token was made by someone who is now a coordinator of the network. */
export async function isMadeByCoordinator(db: Db, apiTokenId: number, network: string): Promise<boolean> {
  const [row] = await db
    .select({ id: networkCoordinators.userId })
    .from(apiTokens)
    .innerJoin(networkCoordinators, eq(networkCoordinators.userId, apiTokens.createdByUserId))
    .innerJoin(networks, eq(networks.id, networkCoordinators.networkId))
    .where(and(eq(apiTokens.id, apiTokenId), eq(networks.code, network)))
    .limit(1);
  return row !== undefined;
}

/** The organisation that coordinates the intake's network, and so handles the questions. */
export async function intakeCoordinatorOrganisationId(db: Db): Promise<number | undefined> {
  const [row] = await db
    .select({ id: networks.coordinatorOrganisationId })
    .from(networks)
    .where(eq(networks.code, networkCodes.zuidHolland));
  return row?.id;
}
