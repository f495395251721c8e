import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { users } from '../../core/auth/auth.tables.ts';
import { hashToken } from '../../core/auth/tokens.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { documentFont } from '../../core/render/fonts.ts';
import { hoursPerDay } from './cases-rules.ts';
import {
  advisoryDays,
  assignmentVersions,
  brigadeCases,
  caseEvents,
  caseStatuses,
  guideDocuments,
  guideRequests,
  type CaseCategory,
  type CaseStatus,
} from './intake.tables.ts';

/** A one-page stand-in for the real handreiking, drawn with the shipped font. */
export async function demoGuidePdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Handreiking digitaliseringsstrategie (demo)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', documentFont.regular).registerFont('bold', documentFont.bold);
  doc.font('bold').fontSize(20).text('Handreiking digitaliseringsstrategie');
  doc
    .moveDown()
    .font('body')
    .fontSize(11)
    .text(
      'Demoversie. De volledige handreiking van de Provincie Zuid-Holland en de MRDH beschrijft de vier pijlers, het digitaal fundament, de randvoorwaarden, de regionale projectenkaart en de kansen voor samenwerking tussen gemeenten.',
    );
  doc.end();
  return done;
}

interface DemoCase {
  code: string;
  contact: [string, string];
  category: CaseCategory;
  status: CaseStatus;
  description: string;
  assignment?: string;
  days?: [string, string, number, string][];
  outcome?: string;
  declineReason?: string;
}

const demoCases: DemoCase[] = [
  {
    code: 'GM0599',
    contact: ['Noor Bakker', 'noor.bakker@rotterdam.example'],
    category: 'antenna',
    status: 'in_progress',
    description:
      'We willen ons antennebeleid uit 2015 herzien voor 5G-small cells in de binnenstad en op Zuid.',
    assignment:
      '## Doel\n\nEen herzien antennebeleid met een kader voor small cells op straatmeubilair.\n\n## Aanpak\n\n1. Inventarisatie huidige vergunningen\n2. Twee werksessies met Stadsbeheer\n3. Concepttekst voor het college',
    days: [
      ['2026-09-14', 'Adviseur extern bureau', 8, 'Inventarisatie vergunningen en interviews'],
      ['2026-09-28', 'Adviseur extern bureau', 16, 'Twee werksessies met Stadsbeheer'],
      ['2026-10-19', 'Adviseur extern bureau', 40, 'Concepttekst antennebeleid'],
    ],
  },
  {
    code: 'GM0518',
    contact: ['Eva Jansen', 'eva.jansen@denhaag.example'],
    category: 'risks',
    status: 'closed',
    description: 'Bewoners van Loosduinen stellen vragen over gezondheidsrisico’s van nieuwe 5G-antennes.',
    assignment: 'Een bewonersavond voorbereiden en een publieksvriendelijke Q&A over straling opstellen.',
    days: [['2026-06-02', 'Adviseur extern bureau', 24, 'Q&A en presentatie voor de bewonersavond']],
    outcome:
      'Bewonersavond gehouden met 80 deelnemers. De **Q&A over 5G en gezondheid** staat op de gemeentelijke website en is herbruikbaar voor andere gemeenten.',
  },
  {
    code: 'GM0503',
    contact: ['Lotte Visser', 'lotte.visser@delft.example'],
    category: 'fibre',
    status: 'new',
    description: 'Bedrijventerrein Schieoevers heeft geen glasvezel; hoe krijgen we marktpartijen aan tafel?',
  },
  {
    code: 'GM0546',
    contact: ['Iris Mulder', 'iris.mulder@leiden.example'],
    category: 'innovation',
    status: 'declined',
    description: 'Kan de Brigade een 5G-proeftuin voor ons financieren?',
    declineReason:
      'De Brigade geeft advies maar financiert geen projecten. We verwijzen u naar de regeling Digitale Innovatie van de provincie.',
  },
  {
    code: 'GM0513',
    contact: ['Sanne Hendriks', 'sanne.hendriks@gouda.example'],
    category: 'agenda',
    status: 'assignment',
    description: 'We willen connectiviteit in de nieuwe omgevingsvisie opnemen.',
    assignment: 'Concept: een paragraaf connectiviteit in de omgevingsvisie, met uitleg voor de raad.',
  },
  {
    code: 'GM1783',
    contact: ['Ruben Dekker', 'ruben.dekker@westland.example'],
    category: 'explain',
    status: 'intake',
    description: 'Onze raad wil een informatiesessie over 5G, glasvezel en de rol van de gemeente.',
  },
];

const demoRequests = [
  {
    name: 'Maartje de Graaf',
    email: 'maartje.degraaf@alphen.example',
    code: 'GM0484',
    role: 'Beleidsadviseur digitalisering',
    days: -3,
    downloads: 2,
  },
  {
    name: 'Kees Verhoeven',
    email: 'kees.verhoeven@adviesbureau.example',
    code: null,
    other: 'Verhoeven Advies',
    role: 'Zelfstandig adviseur',
    days: -12,
    downloads: 1,
  },
  {
    name: 'Priya Ramdin',
    email: 'priya.ramdin@dordrecht.example',
    code: 'GM0505',
    role: 'I-adviseur',
    days: -45,
    downloads: 0,
  },
];

async function orgIds(db: Db, codes: string[]) {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Demo handreiking, requests and Brigade questions in every state. Idempotent; sends no mail. */
export async function seedDemoIntake(db: Db): Promise<{ cases: number; requests: number }> {
  const [coordinator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'anouk.vermeulen@pzh.example'));
  const actor = coordinator?.id ?? null;
  const [document] = await db.select({ id: guideDocuments.id }).from(guideDocuments).limit(1);
  if (!document) {
    const data = await demoGuidePdf();
    const sha256 = createHash('sha256').update(data).digest('hex');
    await db.insert(guideDocuments).values({
      version: 1,
      filename: 'handreiking-digitaliseringsstrategie.pdf',
      sizeBytes: data.length,
      sha256,
      data,
      uploadedByUserId: actor,
    });
  }
  const ids = await orgIds(db, [...demoCases.map((c) => c.code), 'GM0484', 'GM0505']);
  let requests = 0;
  for (const r of demoRequests) {
    const [exists] = await db
      .select({ id: guideRequests.id })
      .from(guideRequests)
      .where(eq(guideRequests.email, r.email));
    if (exists) continue;
    await db.insert(guideRequests).values({
      name: r.name,
      email: r.email,
      organisationId: r.code ? (ids.get(r.code) ?? null) : null,
      organisationOther: r.other ?? null,
      role: r.role,
      purpose: 'Voorbereiding van onze eigen digitaliseringsstrategie',
      // Demo links cannot be opened: nobody knows a token whose hash is this.
      tokenHash: hashToken(`demo-${r.email}`),
      createdAt: sql`now() + make_interval(days => ${r.days})`,
      tokenExpiresAt: sql`now() + make_interval(days => ${r.days + 30})`,
      downloadCount: r.downloads,
    });
    requests++;
  }
  let cases = 0;
  for (const c of demoCases) {
    const organisationId = ids.get(c.code);
    if (!organisationId) continue;
    const [exists] = await db
      .select({ id: brigadeCases.id })
      .from(brigadeCases)
      .where(
        and(eq(brigadeCases.organisationId, organisationId), eq(brigadeCases.description, c.description)),
      );
    if (exists) continue;
    await seedCase(db, c, organisationId, actor);
    cases++;
  }
  return { cases, requests };
}

async function seedCase(db: Db, c: DemoCase, organisationId: number, actor: number | null) {
  await db.transaction(async (tx) => {
    const isFinal = c.status === 'closed' || c.status === 'declined';
    const [row] = await tx
      .insert(brigadeCases)
      .values({
        organisationId,
        contactName: c.contact[0],
        contactEmail: c.contact[1],
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
    for (const [workDate, person, hours, description] of c.days ?? []) {
      await tx
        .insert(advisoryDays)
        .values({ caseId, workDate, person, hours, description, loggedByUserId: actor });
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
        details: { text: `Intakegesprek gepland; ${hoursPerDay} uur per adviesdag afgesproken.` },
      });
    }
  });
}
