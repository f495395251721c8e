import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';

/** File bytes live in the database, so that every app process can serve them (decision 0005). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The handreiking as uploaded by a coordinator; requesters always get the highest version. */
export const guideDocuments = pgTable('intake_guide_documents', {
  id: serial('id').primaryKey(),
  version: integer('version').notNull().unique(),
  filename: text('filename').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A request for the handreiking. Personal fields become null when the data is removed. */
export const guideRequests = pgTable(
  'intake_guide_requests',
  {
    id: serial('id').primaryKey(),
    name: text('name'),
    email: text('email'),
    organisationId: integer('organisation_id').references(() => organisations.id),
    organisationOther: text('organisation_other'),
    role: text('role'),
    purpose: text('purpose'),
    /** sha256 of the personal download link's token; the token itself is only in the mail. */
    tokenHash: text('token_hash').unique(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }).notNull(),
    downloadCount: integer('download_count').notNull().default(0),
    lastDownloadAt: timestamp('last_download_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [index('intake_guide_requests_email_idx').on(t.email)],
);

export const caseStatuses = [
  'new',
  'intake',
  'assignment',
  'experts',
  'in_progress',
  'closed',
  'declined',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseCategories = [
  'agenda',
  'explain',
  'antenna',
  'fibre',
  'innovation',
  'risks',
  'other',
] as const;
export type CaseCategory = (typeof caseCategories)[number];
/** Every urgency a stored case may hold: 'high' stays readable for cases submitted before 2026.2. */
export const urgencies = ['low', 'normal', 'high'] as const;
/**
 * The urgencies the form offers: the Brigade states no response times, so the form no longer offers
 * "urgent (within a week)", which promised one.
 */
export const offeredUrgencies = ['low', 'normal'] as const satisfies readonly (typeof urgencies)[number][];
export const contactPreferences = ['email', 'phone', 'meeting'] as const;

/** A Connectiviteit Brigade question, handled as a case by the network's coordinators. */
export const brigadeCases = pgTable(
  'intake_brigade_cases',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    category: text('category', { enum: caseCategories }).notNull(),
    description: text('description').notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    contactPreference: text('contact_preference', { enum: contactPreferences }).notNull(),
    status: text('status', { enum: caseStatuses }).notNull().default('new'),
    assigneeUserId: integer('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The current assignment description (opdrachtbeschrijving); earlier versions are kept. */
    assignment: text('assignment').notNull().default(''),
    assignmentVersion: integer('assignment_version').notNull().default(0),
    outcome: text('outcome'),
    declineReason: text('decline_reason'),
    submittedByUserId: integer('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The submitted scan whose low connectivity answers led to this question; null when asked directly. */
    sourceScanId: integer('source_scan_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    index('intake_brigade_cases_organisation_idx').on(t.organisationId),
    index('intake_brigade_cases_status_idx').on(t.status),
    check(
      'intake_brigade_cases_status_check',
      sql`${t.status} in ('new', 'intake', 'assignment', 'experts', 'in_progress', 'closed', 'declined')`,
    ),
  ],
);

export const assignmentVersions = pgTable(
  'intake_assignment_versions',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => brigadeCases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.version] })],
);

export const eventKinds = [
  'submitted',
  'status',
  'assignee',
  'assignment',
  'note',
  'days',
  'anonymised',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** The case's timeline: every change with who and when. Internal events never reach the municipality. */
export const caseEvents = pgTable(
  'intake_case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => brigadeCases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: eventKinds }).notNull(),
    isInternal: boolean('is_internal').notNull(),
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull().default({}),
  },
  (t) => [index('intake_case_events_case_idx').on(t.caseId, t.at)],
);

export const dayParties = ['firm', 'expert'] as const;
export type DayParty = (typeof dayParties)[number];

/**
 * Time logged on a question, by the external advisory firm (at most 10 days per question, unless a
 * coordinator records why) or by the Brigade's own experts (no cap).
 */
export const advisoryDays = pgTable(
  'intake_advisory_days',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => brigadeCases.id, { onDelete: 'cascade' }),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    person: text('person').notNull(),
    party: text('party', { enum: dayParties }).notNull().default('firm'),
    hours: numeric('hours', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    description: text('description').notNull(),
    overrunReason: text('overrun_reason'),
    loggedByUserId: integer('logged_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('intake_advisory_days_case_idx').on(t.caseId),
    check('intake_advisory_days_hours_check', sql`${t.hours} > 0`),
    check('intake_advisory_days_party_check', sql`${t.party} in ('firm', 'expert')`),
  ],
);

/** Submissions per client address (hashed) and hour, shared by every app process. */
export const submissionCounts = pgTable(
  'intake_submission_counts',
  {
    addressHash: text('address_hash').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.addressHash, t.windowStart] })],
);

/** Public-form stamps already used, so that each stamp is good for one submission only. */
export const usedFormStamps = pgTable('intake_used_form_stamps', {
  /** sha256 of the stamp's random part. */
  nonceHash: text('nonce_hash').primaryKey(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
});
