import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import { organisationOf } from '../../core/http/context.ts';
import { hoursPerDay } from './cases-rules.ts';
import {
  caseDays,
  caseTimeline,
  intakeCoordinatorOrganisationId,
  isMadeByCoordinator,
  loadCase,
  totalHours,
  type CaseRow,
} from './cases.queries.ts';

/**
 * Who reads through the API: the organisation of the token, and whether it coordinates the intake's
 * network (then it handles every question, as its coordinators do on the web) or only asks. The
 * coordinators' view holds contact persons' names and addresses, which on the web only the named
 * coordinators see: a token of the coordinating organisation has it only while the person who made
 * the token is one of them (decision 0030).
 */
export interface BrigadeScope {
  organisationId: number;
  isCoordinator: boolean;
}

export async function brigadeScopeOf(db: Db, request: FastifyRequest): Promise<BrigadeScope> {
  const organisationId = organisationOf(request).id;
  const isCoordinatingOrganisation = organisationId === (await intakeCoordinatorOrganisationId(db));
  const isCoordinator =
    isCoordinatingOrganisation &&
    request.apiTokenId !== null &&
    (await isMadeByCoordinator(db, request.apiTokenId, networkCodes.zuidHolland));
  return { organisationId, isCoordinator };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A list row as the scope sees it: the asker what its list page shows, the coordinator what theirs does. */
export function summaryJson(row: CaseRow, scope: BrigadeScope) {
  const own = {
    id: row.id,
    view: scope.isCoordinator ? 'coordinator' : 'asker',
    category: row.category,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
  if (!scope.isCoordinator) return own;
  return {
    ...own,
    organisation: { code: row.code, name: row.organisation },
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    urgency: row.urgency,
    assignee: row.assignee,
    firmDays: Number(row.days),
    fromScan: row.fromScan,
  };
}

/**
 * One question as the scope sees it, with its version: the number of events the scope sees, since
 * every change writes one. Undefined when the scope may not see it.
 */
export async function questionJson(db: Db, caseId: number, scope: BrigadeScope) {
  const loaded = await loadCase(db, caseId, scope.isCoordinator ? undefined : scope.organisationId);
  if (!loaded) return undefined;
  const x = loaded.case;
  const timeline = await caseTimeline(db, caseId, scope.isCoordinator);
  const version = timeline.length;
  const own = {
    id: x.id,
    view: scope.isCoordinator ? 'coordinator' : 'asker',
    version,
    category: x.category,
    status: x.status,
    description: x.description,
    assignment: x.assignment,
    outcome: x.outcome,
    declineReason: x.declineReason,
    createdAt: x.createdAt.toISOString(),
    history: timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actor,
      isInternal: e.isInternal,
      details: e.details,
    })),
  };
  if (!scope.isCoordinator) return { version, body: own, stored: x };
  const days = await caseDays(db, caseId);
  const body = {
    ...own,
    organisation: { code: loaded.code, name: loaded.organisation },
    contact: x.contactName ? { name: x.contactName, email: x.contactEmail, phone: x.contactPhone } : null,
    urgency: x.urgency,
    contactPreference: x.contactPreference,
    assignee: x.assigneeUserId && loaded.assignee ? { id: x.assigneeUserId, name: loaded.assignee } : null,
    assignmentVersion: x.assignmentVersion,
    closedAt: iso(x.closedAt),
    fromScan: x.sourceScanId !== null,
    firmDays: (await totalHours(db, caseId, 'firm')) / hoursPerDay,
    days: days.map((d) => ({
      id: d.id,
      workDate: d.workDate,
      person: d.person,
      party: d.party,
      hours: Number(d.hours),
      description: d.description,
      overrunReason: d.overrunReason,
    })),
  };
  return { version, body, stored: x };
}
