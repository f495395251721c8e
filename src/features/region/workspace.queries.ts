import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { memberships } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import {
  advisoryDays,
  brigadeCases,
  guideRequests,
  type CaseCategory,
  type CaseStatus,
} from '../intake/index.ts';
import { roadmapShareLinks } from '../roadmap/index.ts';
import { scans } from '../scan/index.ts';
import { strategies } from '../strategy/index.ts';

export interface RegionNetwork {
  id: number;
  code: string;
  name: string;
}

export interface RegionMember {
  id: number;
  code: string;
  name: string;
}

export async function findRegionNetwork(db: Db, code: string): Promise<RegionNetwork | undefined> {
  const [row] = await db
    .select({ id: networks.id, code: networks.code, name: networks.name })
    .from(networks)
    .where(eq(networks.code, code));
  return row;
}

/** The network's member organisations, in Dutch alphabetical order of their display names. */
export async function membersOf(db: Db, networkId: number): Promise<RegionMember[]> {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.displayName })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(eq(networkMembers.networkId, networkId));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export interface CaseFact {
  id: number;
  organisationId: number;
  category: CaseCategory;
  status: CaseStatus;
  isAssigned: boolean;
  isFromScan: boolean;
  createdAt: Date;
  /** Hours logged by the advisory firm and by the Brigade's experts. */
  firmHours: number;
  expertHours: number;
}

/** The Brigade questions of the given organisations with the time logged on each, by party. */
export async function caseFacts(db: Db, organisationIds: number[]): Promise<CaseFact[]> {
  if (organisationIds.length === 0) return [];
  const hoursOf = (party: 'firm' | 'expert') =>
    // Qualified by hand: without a join Drizzle writes bare column names, and "id" would be the day's.
    sql<string>`(select coalesce(sum(d.hours), 0) from ${advisoryDays} d
      where d.case_id = ${brigadeCases}.id and d.party = ${party})`;
  const rows = await db
    .select({
      id: brigadeCases.id,
      organisationId: brigadeCases.organisationId,
      category: brigadeCases.category,
      status: brigadeCases.status,
      assignee: brigadeCases.assigneeUserId,
      sourceScanId: brigadeCases.sourceScanId,
      createdAt: brigadeCases.createdAt,
      firmHours: hoursOf('firm'),
      expertHours: hoursOf('expert'),
    })
    .from(brigadeCases)
    .where(inArray(brigadeCases.organisationId, organisationIds))
    .orderBy(asc(brigadeCases.createdAt), asc(brigadeCases.id));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    category: r.category,
    status: r.status,
    isAssigned: r.assignee !== null,
    isFromScan: r.sourceScanId !== null,
    createdAt: r.createdAt,
    firmHours: Number(r.firmHours),
    expertHours: Number(r.expertHours),
  }));
}

/** Handreiking requests still open (not closed, link not expired), optionally only of some organisations. */
export async function openGuideRequests(db: Db, organisationIds?: number[]) {
  if (organisationIds?.length === 0) return [];
  return db
    .select({ id: guideRequests.id, createdAt: guideRequests.createdAt })
    .from(guideRequests)
    .where(
      and(
        isNull(guideRequests.closedAt),
        isNull(guideRequests.anonymisedAt),
        sql`${guideRequests.tokenExpiresAt} > now()`,
        organisationIds ? inArray(guideRequests.organisationId, organisationIds) : undefined,
      ),
    )
    .orderBy(asc(guideRequests.createdAt));
}

export interface ParticipationFacts {
  teamSizes: Map<number, number>;
  /** Per organisation its latest scan: the period and whether it is submitted. */
  latestScans: Map<number, { period: number; status: 'draft' | 'submitted' }>;
  hasStrategy: Set<number>;
  hasSharedRoadmap: Set<number>;
}

export async function participationFacts(db: Db, ids: number[]): Promise<ParticipationFacts> {
  const facts: ParticipationFacts = {
    teamSizes: new Map(),
    latestScans: new Map(),
    hasStrategy: new Set(),
    hasSharedRoadmap: new Set(),
  };
  if (ids.length === 0) return facts;
  const team = await db
    .select({ id: memberships.organisationId, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(inArray(memberships.organisationId, ids))
    .groupBy(memberships.organisationId);
  for (const t of team) facts.teamSizes.set(t.id, Number(t.n));
  const scanRows = await db
    .selectDistinctOn([scans.organisationId], {
      id: scans.organisationId,
      period: scans.period,
      status: scans.status,
    })
    .from(scans)
    .where(inArray(scans.organisationId, ids))
    .orderBy(scans.organisationId, sql`${scans.period} desc`, sql`${scans.status} = 'submitted' desc`);
  for (const s of scanRows) facts.latestScans.set(s.id, { period: s.period, status: s.status });
  const strategyRows = await db
    .select({ id: strategies.organisationId })
    .from(strategies)
    .where(and(inArray(strategies.organisationId, ids), eq(strategies.status, 'active')));
  for (const s of strategyRows) facts.hasStrategy.add(s.id);
  const links = await db
    .select({ id: roadmapShareLinks.organisationId })
    .from(roadmapShareLinks)
    .where(and(inArray(roadmapShareLinks.organisationId, ids), isNull(roadmapShareLinks.revokedAt)));
  for (const l of links) facts.hasSharedRoadmap.add(l.id);
  return facts;
}

/**
 * Every handreiking request (open, handled or anonymised: a count tells no one's name) with when it
 * came in and whether it is handled, optionally only of some organisations.
 */
export async function guideRequestFacts(
  db: Db,
  organisationIds?: number[],
): Promise<{ createdAt: Date; isClosed: boolean }[]> {
  if (organisationIds?.length === 0) return [];
  const rows = await db
    .select({ createdAt: guideRequests.createdAt, closedAt: guideRequests.closedAt })
    .from(guideRequests)
    .where(organisationIds ? inArray(guideRequests.organisationId, organisationIds) : undefined)
    .orderBy(asc(guideRequests.createdAt));
  return rows.map((r) => ({ createdAt: r.createdAt, isClosed: r.closedAt !== null }));
}
