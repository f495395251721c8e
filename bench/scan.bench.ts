import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import type { Db } from '../src/core/db/database.ts';
import { getFramework, latestFrameworkVersion, type Framework } from '../src/features/framework/index.ts';
import { computeResults, effectiveAnswer, type Answer } from '../src/features/scan/scan-scoring.ts';
import { scanAnswers, scanRespondents, scans } from '../src/features/scan/scan.tables.ts';
import { resultsOf } from '../src/features/scan/scan-results.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { httpGet } from './lib/http.ts';
import { runLoad } from './lib/load.ts';
import { fixed, formatTable } from './lib/table.ts';
import { onEachDatabase } from './lib/databases.ts';

/**
 * Scan figures: the time to compute a scan's results (10 respondents), in memory for a 70-question
 * framework and through the database for the shipped one, and the throughput of the results page.
 * Prints figures only.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const respondents = 10;
const progress = (message: string) => console.error(`… ${message}`);

/** Deterministic levels, so that every run computes the same thing. */
function level(respondent: number, question: number): number {
  return ((respondent * 7 + question * 13) % 5) + 1;
}

function timeIt(runs: number, fn: () => unknown): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0 };
}

/** The shipped framework stretched to 70 questions by repeating questions under new ids. */
function seventyQuestionFramework(base: Framework): Framework {
  const themes = base.themes.map((t) => ({ ...t, questions: [...t.questions] }));
  let n = 0;
  while (themes.reduce((sum, t) => sum + t.questions.length, 0) < 70) {
    const theme = themes[n % themes.length];
    const question = theme?.questions[0];
    if (theme && question) theme.questions.push({ ...question, id: `${question.id}-extra-${n}` });
    n++;
  }
  return { ...base, themes };
}

function inMemoryResults() {
  const framework = seventyQuestionFramework(getFramework(latestFrameworkVersion()));
  const questions = framework.themes.flatMap((t) => t.questions);
  const individual = questions.map((q, qi) =>
    Array.from({ length: respondents }, (_, r): Answer => ({
      response: 'level',
      currentLevel: level(r, qi),
      targetLevel: 4,
    })),
  );
  return timeIt(2000, () => {
    const effective = new Map<string, Answer>();
    questions.forEach((q, i) => {
      const answer = effectiveAnswer(undefined, individual[i] ?? []);
      if (answer) effective.set(q.id, answer);
    });
    computeResults(framework, effective);
  });
}

async function seedScan(db: Db) {
  const framework = getFramework(latestFrameworkVersion());
  const orgId = await organisationId(db, 'GM0599');
  const people = await Promise.all(
    Array.from({ length: respondents }, () => createUser(db, { memberOf: { GM0599: 'editor' } })),
  );
  const [scan] = await db
    .insert(scans)
    .values({ organisationId: orgId, frameworkVersion: framework.version, period: 2026, title: 'Bench' })
    .returning();
  if (!scan || !people[0]) throw new Error('scan not created');
  await db.insert(scanRespondents).values(people.map((p) => ({ scanId: scan.id, userId: p.id })));
  const questions = framework.themes.flatMap((t) => t.questions);
  const rows = people.flatMap((p, r) =>
    questions.map((q, qi) => ({
      scanId: scan.id,
      userId: p.id,
      questionId: q.id,
      response: 'level' as const,
      currentLevel: level(r, qi),
      targetLevel: 4,
    })),
  );
  await db.insert(scanAnswers).values(rows);
  return { scan, viewer: people[0], answers: rows.length };
}

async function measureDatabase(config: Config, label: string) {
  progress(`${label}: seeding a scan with ${respondents} respondents`);
  const database = await openAndPrepareDatabase(config);
  try {
    const { scan, viewer, answers } = await seedScan(database.db);
    await resultsOf(database.db, scan);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await resultsOf(database.db, scan);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const app = await buildApp({ config, database, logger: false });
    try {
      const origin = await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `${origin}/o/GM0599/scans/${scan.id}/results`;
      const headers = { cookie: `rk_session=${await createSession(database.db, viewer.id)}` };
      if ((await httpGet(url, { headers })) !== 200) throw new Error('results page did not answer 200');
      progress(`${label}: GET results page for ${seconds} s`);
      const page = await runLoad({
        url,
        headers,
        concurrency: 10,
        durationMs: seconds * 1000,
        warmupMs: 2000,
      });
      return { label, answers, p50: times[100] ?? 0, p95: times[190] ?? 0, page };
    } finally {
      await app.close();
      app.services.mailer.close();
    }
  } finally {
    await database.close();
  }
}

const memory = inMemoryResults();
const rows = await onEachDatabase('scan', measureDatabase);

console.log(
  `\nResults of a scan, ${respondents} respondents, in memory (70 questions, 2000 runs): p50 ${fixed(memory.p50, 3)} ms, p95 ${fixed(memory.p95, 3)} ms`,
);
console.log(
  formatTable(
    [
      'database',
      'answers',
      'results p50 ms',
      'results p95 ms',
      'page rps',
      'page p50 ms',
      'page p95 ms',
      'non-2xx',
    ],
    rows.map((r) => [
      r.label,
      String(r.answers),
      fixed(r.p50, 2),
      fixed(r.p95, 2),
      fixed(r.page.rps, 0),
      fixed(r.page.p50, 1),
      fixed(r.page.p95, 1),
      String(r.page.non2xx + r.page.errors),
    ]),
  ),
);
console.log(
  JSON.stringify({
    bench: 'scan',
    inMemory70: memory,
    databases: rows.map((r) => ({
      database: r.label,
      resultsP50: r.p50,
      resultsP95: r.p95,
      pageRps: r.page.rps,
      pageP95: r.page.p95,
    })),
  }),
);
