import { eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { getFramework, type Framework } from '../framework/index.ts';
import {
  demoFrameworkVersion,
  demoScans,
  generatedAnswers,
  pick,
  seedDemoScan,
  seedFor,
  seededRandom,
  shifted,
  withNote,
  type DemoScan,
} from '../scan/scan.demo.ts';
import { setPopulation, setSharingMode, sharingModeOf } from './benchmark.queries.ts';
import type { SharingMode } from './benchmark.tables.ts';

/** Each demo organisation's administrator (src/cli/demo-people.ts). */
const administrators = {
  GM0599: 'noor.bakker@rotterdam.example',
  GM0518: 'eva.jansen@denhaag.example',
  GM0546: 'iris.mulder@leiden.example',
  GM0637: 'daan.bos@zoetermeer.example',
  GM0513: 'sanne.hendriks@gouda.example',
  GM1783: 'ruben.dekker@westland.example',
  GM0503: 'lotte.visser@delft.example',
} as const;
type DemoCode = keyof typeof administrators;
type Answers = DemoScan['respondents'][number]['answers'];

/**
 * Gouda shares nothing; every other demo municipality shares by name, so that Rotterdam sees whom
 * to learn from. None keeps the default ("aggregated"): in a group, the organisations that do not
 * share by name must number none or at least five (docs/benchmark-anonymity.md, rule 3), and 2025
 * has only six contributors, so one to four of them would withhold every group.
 */
const sharing: { code: DemoCode; mode: SharingMode }[] = [
  { code: 'GM0599', mode: 'named' },
  { code: 'GM0518', mode: 'named' },
  { code: 'GM0546', mode: 'named' },
  { code: 'GM0637', mode: 'named' },
  { code: 'GM1783', mode: 'named' },
  { code: 'GM0503', mode: 'named' },
  { code: 'GM0513', mode: 'not-shared' },
];

/**
 * Approximate demo values, not official figures: CBS population on 1 January 2025, rounded to
 * thousands. They put Rotterdam and Den Haag in size class 8, Gouda in 5 and the rest in 6.
 */
const populations: { code: DemoCode; population: number }[] = [
  { code: 'GM0599', population: 670_000 },
  { code: 'GM0518', population: 566_000 },
  { code: 'GM0546', population: 130_000 },
  { code: 'GM0637', population: 128_000 },
  { code: 'GM0503', population: 107_000 },
  { code: 'GM1783', population: 117_000 },
  { code: 'GM0513', population: 76_000 },
];

/**
 * A theme where the organisation already stood in 2025 where it stands in 2026, well above
 * Rotterdam's 2025 level: Rotterdam's "learn from" list names them for its weakest themes.
 */
const strengths: Partial<Record<DemoCode, { themeId: string; questionId: string; note: string }>> = {
  GM0546: {
    themeId: 'data-ownership',
    questionId: 'data-ownership.contract-clauses',
    note: 'Sinds 2023 staan afspraken over data-eigendom en teruglevering in elk nieuw ICT-contract.',
  },
  GM0518: {
    themeId: 'finance-legal',
    questionId: 'finance-legal.structural-budget',
    note: 'Digitalisering heeft sinds de begroting van 2024 een eigen structureel budget.',
  },
};

/** The organisations whose 2025 baseline lies a little below their submitted 2026 scan. */
const withScan2026: DemoCode[] = ['GM0518', 'GM0546', 'GM0637', 'GM0513', 'GM1783'];
/** Delft has no 2026 answers yet (its scan is only started): its 2025 profile is its own. */
const delftBase = 2.2;

function baseline(code: DemoCode, answers: Answers): DemoScan {
  return {
    organisation: code,
    title: 'Nulmeting 2025',
    period: 2025,
    respondents: [{ email: administrators[code], answers }],
    consensus: [],
    submit: true,
  };
}

/**
 * The first respondent's 2026 answers a level lower on about one question in three (outside the
 * organisation's strength), so that every organisation improves from 2025 to 2026.
 */
function lowered(framework: Framework, code: DemoCode, answers2026: Answers): Answers {
  const random = seededRandom(seedFor(`${code}-2025`));
  const strength = strengths[code];
  const themeOf = new Map(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, t.id])));
  const answers = answers2026.map((a) => {
    const isKept = strength !== undefined && themeOf.get(a.questionId) === strength.themeId;
    return { ...(isKept ? a : shifted(a, pick(random, [0, 0, -1]))), note: '', evidence: [] };
  });
  return strength ? withNote(answers, strength.questionId, { note: strength.note }) : answers;
}

/** The 2025 baselines: one respondent each, the organisation's administrator. */
function demoBaselines2025(framework: Framework): DemoScan[] {
  const plans2026 = demoScans(framework).filter((p) => p.period === 2026 && p.submit);
  const fromScan2026 = withScan2026.map((code) => {
    const answers = plans2026.find((p) => p.organisation === code)?.respondents[0]?.answers;
    if (!answers) throw new Error(`Demo data: no submitted 2026 scan of ${code}`);
    return baseline(code, lowered(framework, code, answers));
  });
  const delft = generatedAnswers(framework, seededRandom(seedFor('GM0503-2025')), delftBase);
  return [...fromScan2026, baseline('GM0503', delft)];
}

async function userIdOf(db: Db, email: string): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`Demo data: no account for ${email}`);
  return user.id;
}

/** Sets the demo choice unless it is already in force (no audit record then). */
async function seedSharing(db: Db, code: DemoCode, mode: SharingMode): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Locks the organisation, so that two runs at once cannot both record the change.
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, code))
      .for('update');
    if (!organisation) throw new Error(`Demo data: no organisation ${code}`);
    if ((await sharingModeOf(tx, organisation.id)).mode === mode) return false;
    await setSharingMode(tx, organisation.id, mode, await userIdOf(tx, administrators[code]));
    return true;
  });
}

/** Sets the populations that differ, recorded as imported by Rotterdam's administrator. */
async function seedPopulations(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const codes = populations.map((p) => p.code);
    const rows = await tx
      .select({ code: organisations.code, population: organisations.population })
      .from(organisations)
      .where(inArray(organisations.code, codes))
      .for('update');
    const current = new Map(rows.map((r) => [r.code, r.population]));
    const missing = populations.filter((p) => !current.has(p.code));
    if (missing.length > 0)
      throw new Error(`Demo data: no organisation ${missing.map((m) => m.code).join(', ')}`);
    const changed = populations.filter((p) => current.get(p.code) !== p.population);
    if (changed.length === 0) return 0;
    await setPopulation(tx, changed, await userIdOf(tx, administrators.GM0599));
    return changed.length;
  });
}

/**
 * What the benchmark needs to be explored: submitted 2025 baselines next to the 2026 scans, the
 * sharing choices and the populations for the size classes. Idempotent: a scan whose title the
 * organisation already has is left alone; a sharing choice or population is set only when it differs.
 * `settings` counts the sharing choices and populations that were set.
 */
export async function seedDemoBenchmark(db: Db): Promise<{ scans: number; settings: number }> {
  const framework = getFramework(demoFrameworkVersion);
  let scans = 0;
  for (const plan of demoBaselines2025(framework)) if (await seedDemoScan(db, plan)) scans++;
  let settings = 0;
  for (const { code, mode } of sharing) if (await seedSharing(db, code, mode)) settings++;
  settings += await seedPopulations(db);
  return { scans, settings };
}
