import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { and, eq, inArray, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { users } from '../../core/auth/auth.tables.ts';
import { hashToken } from '../../core/auth/tokens.ts';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { documentFont } from '../../core/render/fonts.ts';
import { lowConnectivityOf } from '../scan/index.ts';
import { hoursPerDay } from './cases-rules.ts';
import {
  advisoryDays,
  assignmentVersions,
  brigadeCases,
  caseCategories,
  caseEvents,
  caseStatuses,
  dayParties,
  guideDocuments,
  guideRequests,
} from './intake.tables.ts';

const Text = Type.String({ minLength: 1 });

const DemoCase = Type.Object(
  {
    organisation: Text,
    contact: Type.Object({ name: Text, email: Text }, { additionalProperties: false }),
    category: oneOf(caseCategories),
    status: oneOf(caseStatuses),
    description: Text,
    assignment: Type.Optional(Text),
    /**
     * Asked from the municipality's self-scan: the question names the organisation's latest submitted
     * scan with low connectivity answers, as the pre-filled form does (none when the scans are not
     * seeded, as when the intake's test seeds it alone).
     */
    fromScan: Type.Optional(Type.Boolean()),
    /** Days from the day of seeding (negative: past); the age the workspace shows. */
    createdInDays: Type.Optional(Type.Integer()),
    days: Type.Optional(
      Type.Array(
        Type.Object(
          {
            date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            person: Text,
            /** Who did the work: the external firm (the default, capped at 10 days) or a Brigade expert. */
            party: Type.Optional(oneOf(dayParties)),
            hours: Type.Integer(),
            description: Text,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    outcome: Type.Optional(Text),
    declineReason: Type.Optional(Text),
  },
  { additionalProperties: false },
);
type DemoCase = Static<typeof DemoCase>;

const DemoIntake = Type.Object(
  {
    /** Handles the demo questions and uploaded the handreiking. */
    coordinator: Text,
    guide: Type.Object(
      { filename: Text, documentTitle: Text, heading: Text, text: Text },
      { additionalProperties: false },
    ),
    requestPurpose: Text,
    requests: Type.Array(
      Type.Object(
        {
          name: Text,
          email: Text,
          organisation: Type.Union([Text, Type.Null()]),
          other: Type.Optional(Text),
          role: Text,
          /** Days from the day of seeding; negative is past. */
          createdInDays: Type.Integer(),
          downloads: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** The coordinator's internal note on every case past "new"; {hoursPerDay} is filled in. */
    intakeNote: Text,
    cases: Type.Array(DemoCase),
  },
  { additionalProperties: false },
);
type DemoIntake = Static<typeof DemoIntake>;

/** A one-page stand-in for the real handreiking, drawn with the shipped font. */
export async function demoGuidePdf(
  guide: DemoIntake['guide'] = loadDemoContent('intake', DemoIntake).guide,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: guide.documentTitle } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', documentFont.regular).registerFont('bold', documentFont.bold);
  doc.font('bold').fontSize(20).text(guide.heading);
  doc.moveDown().font('body').fontSize(11).text(guide.text);
  doc.end();
  return done;
}

async function orgIds(db: Db, codes: string[]) {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Demo handreiking, requests and Brigade questions in every state. Idempotent; sends no mail. */
export async function seedDemoIntake(db: Db): Promise<{ cases: number; requests: number }> {
  const content = loadDemoContent('intake', DemoIntake);
  const [coordinator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, content.coordinator));
  const actor = coordinator?.id ?? null;
  const [document] = await db.select({ id: guideDocuments.id }).from(guideDocuments).limit(1);
  if (!document) {
    const data = await demoGuidePdf(content.guide);
    const sha256 = createHash('sha256').update(data).digest('hex');
    await db.insert(guideDocuments).values({
      version: 1,
      filename: content.guide.filename,
      sizeBytes: data.length,
      sha256,
      data,
      uploadedByUserId: actor,
    });
  }
  const requestCodes = content.requests.flatMap((r) => (r.organisation ? [r.organisation] : []));
  const ids = await orgIds(db, [...content.cases.map((c) => c.organisation), ...requestCodes]);
  let requests = 0;
  for (const r of content.requests) {
    const [exists] = await db
      .select({ id: guideRequests.id })
      .from(guideRequests)
      .where(eq(guideRequests.email, r.email));
    if (exists) continue;
    await db.insert(guideRequests).values({
      name: r.name,
      email: r.email,
      organisationId: r.organisation ? (ids.get(r.organisation) ?? null) : null,
      organisationOther: r.other ?? null,
      role: r.role,
      purpose: content.requestPurpose,
      // Demo links cannot be opened: nobody knows a token whose hash is this.
      tokenHash: hashToken(`demo-${r.email}`),
      createdAt: sql`now() + make_interval(days => ${r.createdInDays})`,
      tokenExpiresAt: sql`now() + make_interval(days => ${r.createdInDays + 30})`,
      downloadCount: r.downloads,
    });
    requests++;
  }
  let cases = 0;
  const note = content.intakeNote.replace('{hoursPerDay}', String(hoursPerDay));
  for (const c of content.cases) {
    const organisationId = ids.get(c.organisation);
    if (!organisationId) continue;
    const [exists] = await db
      .select({ id: brigadeCases.id })
      .from(brigadeCases)
      .where(
        and(eq(brigadeCases.organisationId, organisationId), eq(brigadeCases.description, c.description)),
      );
    if (exists) continue;
    const sourceScanId = c.fromScan ? ((await lowConnectivityOf(db, organisationId))?.scanId ?? null) : null;
    await seedCase(db, c, { organisationId, sourceScanId }, actor, note);
    cases++;
  }
  return { cases, requests };
}

async function seedCase(
  db: Db,
  c: DemoCase,
  { organisationId, sourceScanId }: { organisationId: number; sourceScanId: number | null },
  actor: number | null,
  note: string,
) {
  await db.transaction(async (tx) => {
    const isFinal = c.status === 'closed' || c.status === 'declined';
    const [row] = await tx
      .insert(brigadeCases)
      .values({
        organisationId,
        sourceScanId,
        contactName: c.contact.name,
        contactEmail: c.contact.email,
        category: c.category,
        description: c.description,
        urgency: 'normal',
        contactPreference: 'meeting',
        status: c.status,
        assigneeUserId: c.status === 'new' ? null : actor,
        assignment: c.assignment ?? '',
        assignmentVersion: c.assignment ? 1 : 0,
        outcome: c.outcome ?? null,
        declineReason: c.declineReason ?? null,
        closedAt: isFinal ? sql`now()` : null,
        ...(c.createdInDays === undefined
          ? {}
          : { createdAt: sql`now() + make_interval(days => ${c.createdInDays})` }),
      })
      .returning({ id: brigadeCases.id });
    if (!row) return;
    const caseId = row.id;
    await tx
      .insert(caseEvents)
      .values({ caseId, kind: 'submitted', isInternal: false, details: { status: 'new' } });
    const path =
      c.status === 'declined'
        ? ['new', 'declined']
        : caseStatuses.slice(0, caseStatuses.indexOf(c.status) + 1);
    for (let i = 1; i < path.length; i++) {
      await tx.insert(caseEvents).values({
        caseId,
        actorUserId: actor,
        kind: 'status',
        isInternal: false,
        details: { from: path[i - 1] ?? 'new', to: path[i] ?? 'new' },
      });
    }
    if (c.assignment) {
      await tx
        .insert(assignmentVersions)
        .values({ caseId, version: 1, text: c.assignment, authorUserId: actor });
      await tx.insert(caseEvents).values({
        caseId,
        actorUserId: actor,
        kind: 'assignment',
        isInternal: false,
        details: { version: 1 },
      });
    }
    for (const { date: workDate, person, party, hours, description } of c.days ?? []) {
      await tx.insert(advisoryDays).values({
        caseId,
        workDate,
        person,
        party: party ?? 'firm',
        hours,
        description,
        loggedByUserId: actor,
      });
      await tx.insert(caseEvents).values({
        caseId,
        actorUserId: actor,
        kind: 'days',
        isInternal: true,
        details: { hours, date: workDate, person, reason: null },
      });
    }
    if (c.status !== 'new') {
      await tx.insert(caseEvents).values({
        caseId,
        actorUserId: actor,
        kind: 'note',
        isInternal: true,
        details: { text: note },
      });
    }
  });
}
