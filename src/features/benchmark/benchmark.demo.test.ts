import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, sum } from 'drizzle-orm';
import { auditLog, organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { seedDemo, type DemoResult } from '../../cli/seed-demo.ts';
import { organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { scanAnswers, scans, scanScores } from '../scan/index.ts';
import { sharingModeOf, sharingSettings } from '../sharing/index.ts';
import { scoresOf } from './benchmark.queries.ts';
import { figuresOf, groupsOfPeriod, learnFrom } from './benchmark.service.ts';

async function overallScore(db: Db, code: string, period: number): Promise<number | null> {
  const [scan] = await db
    .select({ id: scans.id })
    .from(scans)
    .where(
      and(
        eq(scans.organisationId, await organisationId(db, code)),
        eq(scans.period, period),
        eq(scans.status, 'submitted'),
      ),
    );
  assert.ok(scan, `${code} has a submitted scan of ${period}`);
  return (await scoresOf(db, [scan.id])).find((s) => s.kind === 'overall')?.score ?? null;
}

async function rowCounts(db: Db): Promise<unknown[]> {
  const tables = [scans, scanAnswers, scanScores, sharingSettings, auditLog, outbox];
  const counts: unknown[] = [];
  for (const table of tables) counts.push((await db.select({ n: count() }).from(table))[0]?.n);
  counts.push((await db.select({ total: sum(organisations.population) }).from(organisations))[0]?.total);
  return counts;
}

describe('the demo data for the benchmark', () => {
  let t: TestApp;
  let first: DemoResult;
  before(async () => {
    t = await createTestApp();
    first = await seedDemo(t.db, testPassword);
  });
  after(() => t.close());

  it('adds 2024 pilots and 2025 baselines, each a little below the next year', async () => {
    // Eleven pilots (Den Haag, Leiden and the nine newer members); fifteen baselines (those nine and
    // five more from their 2026 scans, Delft's generated). Sharing: eight named and Gouda's
    // "not shared" differ from the default; seven populations.
    assert.deepEqual(first.benchmark, { scans: 11 + 15, settings: 8 + 1 + 7 });
    const submitted = async (period: number) =>
      (
        await t.db
          .select({ n: count() })
          .from(scans)
          .where(and(eq(scans.period, period), eq(scans.status, 'submitted')))
      )[0]?.n;
    assert.equal(await submitted(2024), 11);
    assert.equal(await submitted(2025), 15 + 1, "with Rotterdam's own baseline");
    const pilots = ['GM0518', 'GM0546', 'GM0606', 'GM0622', 'GM0489', 'GM0502', 'GM1621'];
    for (const code of [...pilots, 'GM0505', 'GM0537', 'GM0484', 'GM0512']) {
      const [y2024, y2025, y2026] = [
        await overallScore(t.db, code, 2024),
        await overallScore(t.db, code, 2025),
        await overallScore(t.db, code, 2026),
      ];
      assert.ok(y2024 !== null && y2025 !== null && y2026 !== null, code);
      assert.ok(y2024 < y2025 && y2025 < y2026, `${code}: ${y2024} → ${y2025} → ${y2026}`);
    }
  });

  it('shows every year for all, the province, Zuid-Holland and MRDH, with aggregated members in each', async () => {
    // Contributors (Gouda does not share; Rotterdam's and Delft's 2026 scans are drafts):
    // 2024: Den Haag, Leiden and the nine; 2025: Rotterdam, Den Haag, Delft, Leiden, Zoetermeer,
    // Westland and the nine; 2026: Den Haag, Leiden, Zoetermeer, Westland and the nine. MRDH lacks
    // Leiden, Dordrecht, Katwijk, Alphen aan den Rijn and Gorinchem: five fewer, so neither is withheld.
    const expected = new Map([
      [2024, { province: 11, mrdh: 6 }],
      [2025, { province: 15, mrdh: 10 }],
      [2026, { province: 13, mrdh: 8 }],
    ]);
    const aggregated = ['GM0606', 'GM0622', 'GM0489', 'GM0502', 'GM1621', 'GM0484', 'GM0512'];
    for (const [period, size] of expected) {
      const groups = await groupsOfPeriod(t.db, period);
      assert.ok(!groups.contributions.some((c) => c.code === 'GM0513'), 'Gouda does not count');
      const unnamed = groups.contributions.filter((c) => !c.isNamed).map((c) => c.code);
      assert.deepEqual(unnamed.sort(), [...aggregated].sort(), `${period}: seven aggregated`);
      for (const id of ['all', 'province:PV28', 'network:zuid-holland', 'network:mrdh']) {
        const figures = await figuresOf(t.db, groups, id);
        assert.ok(figures.isShown, `${period} ${id}`);
        assert.equal(figures.size, id === 'network:mrdh' ? size.mrdh : size.province, `${period} ${id}`);
        assert.ok(
          figures.statistics.some((s) => s.kind === 'overall'),
          `${period} ${id}`,
        );
      }
    }
  });

  it('names Den Haag or Leiden to Rotterdam for one of its weakest 2025 themes', async () => {
    const groups = await groupsOfPeriod(t.db, 2025);
    const learn = await learnFrom(t.db, groups, await organisationId(t.db, 'GM0599'));
    assert.equal(learn.length, 3);
    const peers = learn.flatMap((item) => item.peers.map((p) => p.code));
    assert.ok(
      peers.some((code) => ['GM0518', 'GM0546'].includes(code)),
      JSON.stringify(learn),
    );
    const named = groups.contributions.filter((c) => c.isNamed).map((c) => c.code);
    assert.ok(
      peers.every((code) => named.includes(code)),
      'only organisations that share by name',
    );
  });

  it('sets the sharing choices and the populations', async () => {
    const mode = async (code: string) => (await sharingModeOf(t.db, await organisationId(t.db, code))).mode;
    assert.equal(await mode('GM0513'), 'not-shared');
    for (const code of ['GM0599', 'GM0518', 'GM0546', 'GM0637', 'GM1783', 'GM0503', 'GM0505', 'GM0537'])
      assert.equal(await mode(code), 'named', code);
    for (const code of ['GM0606', 'GM0622', 'GM0489', 'GM0502', 'GM1621', 'GM0484', 'GM0512'])
      assert.equal(await mode(code), 'aggregated', code);
    assert.equal(await mode('PV28'), 'aggregated', 'the default, without a choice');
    const [rotterdam] = await t.db
      .select({ population: organisations.population })
      .from(organisations)
      .where(eq(organisations.code, 'GM0599'));
    assert.equal(rotterdam?.population, 670_000);
  });

  it("shows Rotterdam's administrator the province's 2025 figures and whom to learn from", async () => {
    const client = new TestClient(t.app);
    await client.signIn('noor.bakker@rotterdam.example', testPassword);
    const page = await client.get('/o/GM0599/benchmark');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/organisations\/(GM0546|GM0518)"/, 'a named peer to contact');
  });

  it('changes nothing when it runs again', async () => {
    const before = await rowCounts(t.db);
    const second = await seedDemo(t.db, testPassword);
    assert.deepEqual(second.benchmark, { scans: 0, settings: 0 });
    assert.deepEqual(await rowCounts(t.db), before);
  });
});
