import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { auditLog, organisations } from '../../core/db/core.tables.ts';
import type { Database, Db } from '../../core/db/database.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { seedDemo, type DemoResult } from '../../cli/seed-demo.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { answersOf, consensusOf, previousSubmittedScan, storedScores } from './scan.queries.ts';
import { openDisagreements } from './effective-answers.ts';
import { scanAnswers, scanConsensus, scanRespondents, scans, scanScores } from './scan.tables.ts';

async function scansOf(db: Db, code: string) {
  return db
    .select({ scan: scans })
    .from(scans)
    .innerJoin(organisations, eq(organisations.id, scans.organisationId))
    .where(eq(organisations.code, code))
    .orderBy(scans.period, scans.id)
    .then((rows) => rows.map((r) => r.scan));
}

async function userId(db: Db, email: string): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  assert.ok(user, email);
  return user.id;
}

async function rowCounts(db: Db): Promise<number[]> {
  const tables = [scans, scanRespondents, scanAnswers, scanConsensus, scanScores, auditLog, outbox];
  const counts: number[] = [];
  for (const table of tables) counts.push((await db.select({ n: count() }).from(table))[0]?.n ?? 0);
  return counts;
}

describe('the demo maturity scans', () => {
  let database: Database;
  let first: DemoResult;
  before(async () => {
    database = await openTestDatabase();
    first = await seedDemo(database.db);
  });
  after(() => database.close());

  it('gives Rotterdam a submitted baseline and a draft follow-up with two open disagreements', async () => {
    const db = database.db;
    const [baseline, followUp, ...others] = await scansOf(db, 'GM0599');
    assert.equal(others.length, 0);
    assert.deepEqual(
      [baseline?.title, baseline?.period, baseline?.status],
      ['Nulmeting 2025', 2025, 'submitted'],
    );
    assert.deepEqual(
      [followUp?.title, followUp?.period, followUp?.status],
      ['Herhaalmeting 2026', 2026, 'draft'],
    );
    assert.ok(followUp);
    assert.equal((await openDisagreements(db, followUp)).length, 2);
    assert.equal((await previousSubmittedScan(db, followUp))?.id, baseline?.id);

    const answered = async (email: string) =>
      (await answersOf(db, followUp.id, await userId(db, email))).length;
    const all = await answered('noor.bakker@rotterdam.example');
    const half = await answered('sander.devries@rotterdam.example');
    assert.ok(all > 50, 'Noor answered everything');
    assert.ok(half > all / 3 && half < (all * 2) / 3, `Sander answered about half (${half} of ${all})`);
    assert.equal(await answered('fatima.elamrani@rotterdam.example'), 0);
    assert.equal((await storedScores(db, followUp.id)).length, 0, 'a draft has no stored scores');
  });

  it('settled the 2025 disagreements by consensus, with notes, evidence and audit records', async () => {
    const db = database.db;
    const [baseline] = await scansOf(db, 'GM0599');
    assert.ok(baseline);
    const agreed = await consensusOf(db, baseline.id);
    assert.ok(agreed.length >= 3);
    assert.ok(agreed.every((c) => /besproken in het MT van 14 maart/i.test(c.note)));
    const links = (await answersOf(db, baseline.id)).flatMap((a) => a.evidence);
    assert.ok(links.length > 0);
    assert.ok(links.every((l) => l.startsWith('https://intranet.rotterdam.example/')));

    const scores = new Map((await storedScores(db, baseline.id)).map((s) => [`${s.kind}:${s.key}`, s]));
    const score = (key: string) => scores.get(`theme:${key}`)?.score ?? 0;
    assert.ok(score('infrastructure-and-sensors') > score('ethics'));
    assert.ok(score('coordination-and-governance') > score('finance-legal'));
    const overall = scores.get('overall:all');
    assert.ok(overall?.score && overall.target && overall.target > overall.score + 0.9);

    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organisationId, baseline.organisationId));
    const consensusSaved = actions.filter((a) => a.action === 'scan.consensus-saved').length;
    assert.equal(consensusSaved, agreed.length);
    assert.ok(actions.some((a) => a.action === 'scan.submitted'));
  });

  it('has at least five organisations with a submitted 2026 scan with stored scores', async () => {
    const db = database.db;
    const rows = await db
      .selectDistinct({ code: organisations.code })
      .from(scans)
      .innerJoin(organisations, eq(organisations.id, scans.organisationId))
      .innerJoin(scanScores, and(eq(scanScores.scanId, scans.id), eq(scanScores.kind, 'overall')))
      .where(and(eq(scans.status, 'submitted'), eq(scans.period, 2026)));
    assert.ok(rows.length >= 5, rows.map((r) => r.code).join(', '));
    const overall = await db
      .select({ score: scanScores.score })
      .from(scanScores)
      .innerJoin(scans, eq(scans.id, scanScores.scanId))
      .where(and(eq(scanScores.kind, 'overall'), eq(scans.period, 2026)));
    assert.ok(new Set(overall.map((o) => o.score)).size >= 4, 'the profiles differ');
  });

  it('has a Delft draft that is only started, and nothing for the province', async () => {
    const db = database.db;
    // Delft's 2025 baseline comes from the benchmark's demo data.
    const [delft, ...more] = (await scansOf(db, 'GM0503')).filter((s) => s.period === 2026);
    assert.equal(more.length, 0);
    assert.equal(delft?.status, 'draft');
    assert.ok(delft);
    const respondents = await db
      .select({ n: count() })
      .from(scanRespondents)
      .where(eq(scanRespondents.scanId, delft.id));
    assert.equal(respondents[0]?.n, 2);
    assert.equal((await answersOf(db, delft.id)).length, 0);
    assert.deepEqual(await scansOf(db, 'PV28'), []);
  });

  it('notes "our first measurement" only on a first scan, not on one after the 2024 pilot', async () => {
    const db = database.db;
    const note = async (code: string) => {
      const [scan] = (await scansOf(db, code)).filter((s) => s.period === 2026);
      assert.ok(scan, code);
      const answers = await answersOf(db, scan.id);
      return answers.some((a) => /eerste meting met de Routekaart/.test(a.note));
    };
    assert.equal(await note('GM0518'), true, 'a generated scan carries the note unless firstScan is false');
    assert.equal(await note('GM0606'), false, 'Schiedam measured in 2024 and 2025 before');
    const [pijnacker, ...more] = await scansOf(db, 'GM1926');
    assert.deepEqual([pijnacker?.status, more.length], ['draft', 0], 'Pijnacker-Nootdorp has only started');
  });

  it('creates nothing new when it runs again', async () => {
    const db = database.db;
    // Rotterdam's two, Den Haag, Delft, Leiden, Zoetermeer, Gouda, Westland, the nine members that
    // scan every year since the 2024 pilot, and Pijnacker-Nootdorp's started one.
    assert.equal(first.scans, 8 + 9 + 1);
    const before = await rowCounts(db);
    const second = await seedDemo(db);
    assert.equal(second.created, 0);
    assert.equal(second.scans, 0);
    assert.deepEqual(await rowCounts(db), before);
    const demoScans = await db
      .select({ n: count() })
      .from(scans)
      .where(
        inArray(scans.title, ['Proefmeting 2024', 'Nulmeting 2025', 'Herhaalmeting 2026', 'Nulmeting 2026']),
      );
    assert.equal(demoScans[0]?.n, 18 + 11 + 15, "with the benchmark's 2024 pilots and 2025 baselines");
  });
});
