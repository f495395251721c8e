import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { getFramework, type Framework } from '../framework/index.ts';
import {
  colleagueOf,
  demoFrameworkVersion,
  generatedAnswers,
  seedFor,
  seededRandom,
  withNote,
  type DemoScan,
} from './scan-answers.demo.ts';
import { loadDemoScanContent, type DemoScanContent } from './scan-content.demo.ts';
import { rotterdamScans } from './rotterdam-scans.demo.ts';
import { findScan } from './scan.queries.ts';
import { createScan, saveAnswers, saveConsensus, submitScan } from './scan.service.ts';
import { scans } from './scan.tables.ts';

/** What the invitation mails link to, as on a server started with the defaults. */
const publicUrl = 'http://localhost:3000';

type ScanContent = DemoScanContent['scans'][number];

/**
 * A generated scan: the first respondent's answers around a level that a seed per organisation varies,
 * with the first-scan note unless the organisation measured before.
 */
function firstScan(
  framework: Framework,
  plan: ScanContent,
  base: number,
  note: DemoScanContent['firstScanNote'],
): DemoScan {
  const random = seededRandom(seedFor(plan.organisation));
  const generated = generatedAnswers(framework, random, base);
  const own = plan.firstScan === false ? generated : withNote(generated, note.questionId, note);
  return {
    organisation: plan.organisation,
    title: plan.title,
    period: plan.period,
    respondents: plan.respondents.map((email, i) => ({
      email,
      answers: i === 0 ? own : colleagueOf(own, random).map((a) => ({ ...a, note: '', evidence: [] })),
    })),
    consensus: [],
    submit: plan.submit,
  };
}

/** A scan that its respondents have not answered yet. */
function startedScan(plan: ScanContent): DemoScan {
  const { organisation, title, period, submit } = plan;
  const respondents = plan.respondents.map((email) => ({ email, answers: [] }));
  return { organisation, title, period, respondents, consensus: [], submit };
}

/**
 * The demo scans, in every state a user meets: submitted with settled disagreements, a draft under
 * way with open ones, a draft just started, several first scans for comparison, and none at all
 * (the province of Zuid-Holland, PV28).
 */
export function demoScans(framework: Framework): DemoScan[] {
  const content = loadDemoScanContent();
  return [
    ...rotterdamScans(framework, content.rotterdam),
    ...content.scans.map((plan) =>
      plan.generatedAround === undefined
        ? startedScan(plan)
        : firstScan(framework, plan, plan.generatedAround, content.firstScanNote),
    ),
  ];
}

/**
 * Adds the demo scans through the same services as the screens (stored scores, audit records,
 * invitation mails included). Idempotent: an organisation that has a scan with the title keeps it.
 */
export async function seedDemoScans(db: Db): Promise<{ created: number }> {
  const framework = getFramework(demoFrameworkVersion);
  let created = 0;
  for (const plan of demoScans(framework)) if (await seedDemoScan(db, plan)) created++;
  return { created };
}

/**
 * One scan in one transaction: it exists completely or not at all. False when the organisation
 * already has a scan with the title (it is left alone).
 */
export async function seedDemoScan(db: Db, plan: DemoScan): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Locks the organisation, so that two runs at once cannot both add the scan.
    const [organisation] = await tx
      .select({ id: organisations.id, displayName: organisations.displayName })
      .from(organisations)
      .where(eq(organisations.code, plan.organisation))
      .for('update');
    if (!organisation) throw new Error(`Demo data: no organisation ${plan.organisation}`);
    const existing = await tx
      .select({ id: scans.id })
      .from(scans)
      .where(and(eq(scans.organisationId, organisation.id), eq(scans.title, plan.title)));
    if (existing.length > 0) return false;

    const people = await peopleByEmail(
      tx,
      plan.respondents.map((r) => r.email),
    );
    const actor = people.get(plan.respondents[0]?.email ?? '');
    if (!actor) throw new Error(`Demo data: ${plan.organisation} has no respondents`);
    const result = await createScan(tx, {
      organisation,
      code: plan.organisation,
      frameworkVersion: demoFrameworkVersion,
      period: plan.period,
      title: plan.title,
      respondentIds: [...people.values()].map((p) => p.id),
      actor,
      locale: 'nl',
      publicUrl,
    });
    if (!result.ok) throw new Error(`Demo data: cannot create ${plan.title} of ${plan.organisation}`);
    await fillIn(tx, plan, organisation.id, result.scanId, people);
    return true;
  });
}

async function peopleByEmail(db: Db, emails: string[]): Promise<Map<string, { id: number; name: string }>> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const missing = emails.filter((e) => !rows.some((r) => r.email === e));
  if (missing.length > 0) throw new Error(`Demo data: no account for ${missing.join(', ')}`);
  return new Map(rows.map((r) => [r.email, { id: r.id, name: r.name }]));
}

/** Answers, agreed answers and submission, as the respondents and the first of them would give them. */
async function fillIn(
  db: Db,
  plan: DemoScan,
  organisationId: number,
  scanId: number,
  people: Map<string, { id: number }>,
): Promise<void> {
  const scan = await findScan(db, organisationId, scanId);
  const actor = people.get(plan.respondents[0]?.email ?? '');
  if (!scan || !actor) throw new Error(`Demo data: scan ${scanId} vanished`);
  const fail = (what: string, problem: string) => {
    throw new Error(`Demo data: ${what} of ${plan.title} (${plan.organisation}) refused: ${problem}`);
  };
  for (const respondent of plan.respondents) {
    const person = people.get(respondent.email);
    if (!person || respondent.answers.length === 0) continue;
    const saved = await saveAnswers(db, scan, person.id, respondent.answers);
    if (!saved.ok) fail(`answers of ${respondent.email}`, saved.problem);
  }
  for (const agreed of plan.consensus) {
    const saved = await saveConsensus(db, scan, agreed, 0, actor.id);
    if (!saved.ok) fail(`agreed answer to ${agreed.questionId}`, saved.problem);
  }
  if (!plan.submit) return;
  const submitted = await submitScan(db, scan, actor.id);
  if (!submitted.ok) fail('submission', submitted.problem);
}

// The demo face: other slices' demo data build on the same generated answers.
export {
  demoFrameworkVersion,
  generatedAnswers,
  pick,
  seedFor,
  seededRandom,
  shifted,
  withNote,
  type DemoScan,
} from './scan-answers.demo.ts';
