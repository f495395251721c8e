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

  it('adds 2025 baselines a little below the 2026 scans: seven contributors in 2025', async () => {
    assert.deepEqual(first.benchmark, { scans: 6, settings: 7 + 7 });
    const submitted2025 = await t.db
      .select({ n: count() })
      .from(scans)
      .where(and(eq(scans.period, 2025), eq(scans.status, 'submitted')));
    assert.equal(submitted2025[0]?.n, 7);
    for (const code of ['GM0518', 'GM0546', 'GM0637', 'GM0513', 'GM1783']) {
      const [before, now] = [await overallScore(t.db, code, 2025), await overallScore(t.db, code, 2026)];
      assert.ok(before !== null && now !== null && before < now, `${code}: ${before} → ${now}`);
    }
  });

  it('shows 2025 for all, the province and Zuid-Holland (six: Gouda does not share), withholds MRDH', async () => {
    const groups = await groupsOfPeriod(t.db, 2025);
    assert.ok(!groups.contributions.some((c) => c.code === 'GM0513'), 'Gouda does not count');
    for (const id of ['all', 'province:PV28', 'network:zuid-holland']) {
      const figures = await figuresOf(t.db, groups, id);
      assert.ok(figures.isShown, id);
      assert.equal(figures.size, 6, id);
      assert.ok(
        figures.statistics.some((s) => s.kind === 'overall'),
        id,
      );
    }
    const mrdh = await figuresOf(t.db, groups, 'network:mrdh');
    assert.deepEqual([mrdh.isShown, !mrdh.isShown && mrdh.reason], [false, 'differencing']);
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
    for (const code of ['GM0599', 'GM0518', 'GM0546', 'GM0637', 'GM1783', 'GM0503'])
      assert.equal(await mode(code), 'named', code);
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
