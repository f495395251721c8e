import { and, asc, desc, eq, getTableColumns, inArray, or, type SQL } from 'drizzle-orm';
import { memberships, networkCoordinators, users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import type { SessionUser } from '../../core/http/context.ts';
import {
  practiceAttachments,
  practiceContactConsents,
  practices,
  type PracticeStatus,
} from './practices.tables.ts';

/** Who is looking: decides which practices exist for them (docs/knowledge.md, "Visibility"). */
export interface Viewer {
  userId: number | null;
  /** Organisations the viewer is a member of: they see all their practices, drafts included. */
  ownOrganisationIds: number[];
  /** Organisations whose network-published practices the viewer sees (shared networks, coordinated ones, own). */
  networkOrganisationIds: number[];
}

export const anonymousViewer: Viewer = { userId: null, ownOrganisationIds: [], networkOrganisationIds: [] };

/**
 * A network's coordinating organisation (the province, MRDH) counts as part of it: its practices
 * reach the network's members, and its members see theirs.
 */
export async function viewerOf(db: Db, user: SessionUser | null): Promise<Viewer> {
  if (!user) return anonymousViewer;
  const own = user.memberships.map((m) => m.organisationId);
  const mine = own.length > 0 ? own : [0];
  const viewerNetworks = db
    .select({ id: networks.id })
    .from(networks)
    .where(
      or(
        inArray(networks.coordinatorOrganisationId, mine),
        inArray(
          networks.id,
          db
            .select({ id: networkMembers.networkId })
            .from(networkMembers)
            .where(inArray(networkMembers.organisationId, mine)),
        ),
        inArray(
          networks.id,
          db
            .select({ id: networkCoordinators.networkId })
            .from(networkCoordinators)
            .where(eq(networkCoordinators.userId, user.id)),
        ),
      ),
    );
  const [members, coordinators] = await Promise.all([
    db
      .selectDistinct({ id: networkMembers.organisationId })
      .from(networkMembers)
      .where(inArray(networkMembers.networkId, viewerNetworks)),
    db
      .selectDistinct({ id: networks.coordinatorOrganisationId })
      .from(networks)
      .where(inArray(networks.id, viewerNetworks)),
  ]);
  const network = new Set([...own, ...members.map((r) => r.id), ...coordinators.map((r) => r.id)]);
  return { userId: user.id, ownOrganisationIds: own, networkOrganisationIds: [...network] };
}

/** The published practices this viewer may find in search (drafts are found on the organisation's list). */
export function publishedVisibleTo(viewer: Viewer): SQL {
  const isPublic = eq(practices.status, 'public');
  if (viewer.networkOrganisationIds.length === 0) return isPublic;
  const inNetwork = and(
    eq(practices.status, 'network'),
    inArray(practices.organisationId, viewer.networkOrganisationIds),
  );
  return or(isPublic, inNetwork) ?? isPublic;
}

export function canSee(
  viewer: Viewer,
  practice: { organisationId: number; status: PracticeStatus },
): boolean {
  if (practice.status === 'public') return true;
  if (viewer.ownOrganisationIds.includes(practice.organisationId)) return true;
  return practice.status === 'network' && viewer.networkOrganisationIds.includes(practice.organisationId);
}

export type PracticeRow = typeof practices.$inferSelect;

export interface PracticeDetail extends Omit<PracticeRow, 'search'> {
  organisationCode: string;
  organisationName: string;
  /** Only while the contact person still consents and is still a member of the organisation. */
  contact: { id: number; name: string; email: string } | null;
  attachments: { id: number; filename: string; mime: string; size: number }[];
}

// The tsvector is for the database only: never read it back.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { search: _search, ...practiceColumns } = getTableColumns(practices);

export async function findPractice(db: Db, id: number): Promise<PracticeDetail | undefined> {
  const [row] = await db
    .select({
      ...practiceColumns,
      organisationCode: organisations.code,
      organisationName: organisations.displayName,
    })
    .from(practices)
    .innerJoin(organisations, eq(organisations.id, practices.organisationId))
    .where(eq(practices.id, id));
  if (!row) return undefined;
  const attachments = await db
    .select({
      id: practiceAttachments.id,
      filename: practiceAttachments.filename,
      mime: practiceAttachments.mime,
      size: practiceAttachments.size,
    })
    .from(practiceAttachments)
    .where(eq(practiceAttachments.practiceId, id))
    .orderBy(asc(practiceAttachments.id));
  const contact = row.contactUserId
    ? await consentingContact(db, row.contactUserId, row.organisationId)
    : null;
  return { ...row, attachments, contact };
}

async function consentingContact(db: Db, userId: number, organisationId: number) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(practiceContactConsents, eq(practiceContactConsents.userId, users.id))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)),
    )
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Members of the organisation who agreed to be shown as contact person. */
export async function consentingMembers(db: Db, organisationId: number) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(practiceContactConsents, eq(practiceContactConsents.userId, users.id))
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function hasContactConsent(db: Db, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: practiceContactConsents.userId })
    .from(practiceContactConsents)
    .where(eq(practiceContactConsents.userId, userId));
  return row !== undefined;
}

export async function listOrganisationPractices(db: Db, organisationId: number) {
  return db
    .select({
      id: practices.id,
      title: practices.title,
      status: practices.status,
      updatedAt: practices.updatedAt,
    })
    .from(practices)
    .where(eq(practices.organisationId, organisationId))
    .orderBy(desc(practices.updatedAt), desc(practices.id));
}

export async function findAttachment(db: Db, practiceId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(practiceAttachments)
    .where(and(eq(practiceAttachments.id, attachmentId), eq(practiceAttachments.practiceId, practiceId)));
  return row;
}
