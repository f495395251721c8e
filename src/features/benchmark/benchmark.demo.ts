import { Type, type Static } from '@sinclair/typebox';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
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
import { setSharingMode, sharingModeOf, sharingModes, type SharingMode } from '../sharing/index.ts';
import { setPopulation } from './benchmark.queries.ts';

const Code = Type.String({ minLength: 1 });

/**
 * benchmark.yaml. Every demo organisation that scans has an administrator (as in people.yaml).
 * Sharing: Gouda shares nothing; seven members share aggregated (five in MRDH), the others by name. In
 * a group, the organisations that do not share by name must number none or at least five
 * (docs/benchmark-anonymity.md, rule 3), and two groups must differ by none or at least five (rule 2):
 * the province's and MRDH's contributors differ by the five outside MRDH (Leiden, Dordrecht, Katwijk,
 * Alphen aan den Rijn, Gorinchem), who therefore take part every year. Populations are approximate,
 * not official (the newer members have none: no size class reaches five). A strength is a theme where
 * the organisation stood in 2024 and 2025 where it stands in 2026, so that Rotterdam's "learn from"
 * list names it for its weakest themes.
 */
const DemoBenchmark = Type.Object(
  {
    baseline: Type.Object(
      { title: Type.String({ minLength: 1 }), period: Type.Integer() },
      { additionalProperties: false },
    ),
    administrators: Type.Record(Code, Type.String({ minLength: 3 })),
    sharing: Type.Array(
      Type.Object({ organisation: Code, mode: oneOf(sharingModes) }, { additionalProperties: false }),
    ),
    /** The organisation whose administrator is recorded as having imported the populations. */
    populationsImportedBy: Code,
    populations: Type.Array(
      Type.Object(
        { organisation: Code, population: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
    strengths: Type.Record(
      Code,
      Type.Object(
        { themeId: Type.String(), questionId: Type.String(), note: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
    /** The organisations whose 2025 baseline lies a little below their submitted 2026 scan. */
    loweredFrom2026: Type.Array(Code),
    /** The province's 2024 pilot: these organisations' 2024 scans lie a little below their 2025 baseline. */
    pilot: Type.Object(
      {
        title: Type.String({ minLength: 1 }),
        period: Type.Integer(),
        loweredFrom2025: Type.Array(Code),
      },
      { additionalProperties: false },
    ),
    /** An organisation without 2026 answers (its scan is only started): its 2025 profile is its own. */
    generated: Type.Object({ organisation: Code, base: Type.Number() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
type DemoBenchmark = Static<typeof DemoBenchmark>;
type Answers = DemoScan['respondents'][number]['answers'];

function administratorOf(content: DemoBenchmark, code: string): string {
  const email = content.administrators[code];
  if (!email) throw new Error(`Demo data: benchmark.yaml names no administrator of ${code}`);
  return email;
}

function baseline(
  content: DemoBenchmark,
  code: string,
  answers: Answers,
  scan: { title: string; period: number } = content.baseline,
): DemoScan {
  return {
    organisation: code,
    title: scan.title,
    period: scan.period,
    respondents: [{ email: administratorOf(content, code), answers }],
    consensus: [],
    submit: true,
  };
}

/**
 * A later year's answers a level lower on about one question in three (outside the organisation's
 * strength), so that every organisation improves from year to year.
 */
function lowered(
  content: DemoBenchmark,
  framework: Framework,
  code: string,
  later: Answers,
  period: number,
): Answers {
  const random = seededRandom(seedFor(`${code}-${period}`));
  const strength = content.strengths[code];
  const themeOf = new Map(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, t.id])));
  const answers = later.map((a) => {
    const isKept = strength !== undefined && themeOf.get(a.questionId) === strength.themeId;
    return { ...(isKept ? a : shifted(a, pick(random, [0, 0, -1]))), note: '', evidence: [] };
  });
  return strength ? withNote(answers, strength.questionId, { note: strength.note }) : answers;
}

/** The 2025 baselines: one respondent each, the organisation's administrator. */
function demoBaselines2025(content: DemoBenchmark, framework: Framework): DemoScan[] {
  const plans2026 = demoScans(framework).filter((p) => p.period === 2026 && p.submit);
  const fromScan2026 = content.loweredFrom2026.map((code) => {
    const answers = plans2026.find((p) => p.organisation === code)?.respondents[0]?.answers;
    if (!answers) throw new Error(`Demo data: no submitted 2026 scan of ${code}`);
    return baseline(content, code, lowered(content, framework, code, answers, content.baseline.period));
  });
  const { organisation, base } = content.generated;
  const own = generatedAnswers(framework, seededRandom(seedFor(`${organisation}-2025`)), base);
  return [...fromScan2026, baseline(content, organisation, own)];
}

/** The 2024 pilot: one respondent each, a little below the organisation's 2025 baseline. */
function demoPilots2024(content: DemoBenchmark, framework: Framework, baselines: DemoScan[]): DemoScan[] {
  const { pilot } = content;
  return pilot.loweredFrom2025.map((code) => {
    const answers = baselines.find((b) => b.organisation === code)?.respondents[0]?.answers;
    if (!answers) throw new Error(`Demo data: no 2025 baseline of ${code}`);
    return baseline(content, code, lowered(content, framework, code, answers, pilot.period), pilot);
  });
}

async function userIdOf(db: Db, email: string): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`Demo data: no account for ${email}`);
  return user.id;
}

/** Sets the demo choice unless it is already in force (no audit record then). */
async function seedSharing(db: Db, code: string, mode: SharingMode, administrator: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Locks the organisation, so that two runs at once cannot both record the change.
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, code))
      .for('update');
    if (!organisation) throw new Error(`Demo data: no organisation ${code}`);
    if ((await sharingModeOf(tx, organisation.id)).mode === mode) return false;
    await setSharingMode(tx, organisation.id, mode, await userIdOf(tx, administrator));
    return true;
  });
}

/** Sets the populations that differ, recorded as imported by Rotterdam's administrator. */
async function seedPopulations(db: Db, content: DemoBenchmark): Promise<number> {
  const populations = content.populations.map((p) => ({ code: p.organisation, population: p.population }));
  const importer = administratorOf(content, content.populationsImportedBy);
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
    await setPopulation(tx, changed, await userIdOf(tx, importer));
    return changed.length;
  });
}

/**
 * What the benchmark needs to be explored: submitted 2024 pilots and 2025 baselines next to the 2026
 * scans (oldest first, as the organisations made them), the
 * sharing choices and the populations for the size classes. Idempotent: a scan whose title the
 * organisation already has is left alone; a sharing choice or population is set only when it differs.
 * `settings` counts the sharing choices and populations that were set.
 */
export async function seedDemoBenchmark(db: Db): Promise<{ scans: number; settings: number }> {
  const content = loadDemoContent('benchmark', DemoBenchmark);
  const framework = getFramework(demoFrameworkVersion);
  const baselines = demoBaselines2025(content, framework);
  let scans = 0;
  for (const plan of [...demoPilots2024(content, framework, baselines), ...baselines])
    if (await seedDemoScan(db, plan)) scans++;
  let settings = 0;
  for (const { organisation, mode } of content.sharing)
    if (await seedSharing(db, organisation, mode, administratorOf(content, organisation))) settings++;
  settings += await seedPopulations(db, content);
  return { scans, settings };
}
