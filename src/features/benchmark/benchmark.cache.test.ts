import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisations } from '../../core/db/core.tables.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { benchmarkVersion } from './benchmark.queries.ts';
import { insertScan, setSharing } from './benchmark.fixtures.ts';
import { figuresOf, groupsOfPeriod } from './benchmark.service.ts';

const overallMedian = async (t: TestApp) => {
  const figures = await figuresOf(t.db, await groupsOfPeriod(t.db, 2026), 'all');
  return figures.isShown ? figures.statistics.find((s) => s.kind === 'overall')?.median : undefined;
};

describe('cached benchmark figures', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (const [code, overall] of Object.entries({ GM0599: 1, GM0518: 2, GM0503: 3, GM0637: 4, GM1783: 5 })) {
      await insertScan(t.db, { code, period: 2026, overall });
    }
  });
  after(() => t.close());

  it('serves the same figures again while nothing they depend on changed', async () => {
    const first = await groupsOfPeriod(t.db, 2026);
    assert.equal(await groupsOfPeriod(t.db, 2026), first, 'the same computed groups');
    assert.equal(await overallMedian(t), 3);
  });

  it('recomputes after a new submission', async () => {
    await insertScan(t.db, { code: 'GM0606', period: 2026, overall: 5 });
    // 1, 2, 3, 4, 5, 5: median (3 + 4) / 2.
    assert.equal(await overallMedian(t), 3.5);
  });

  it('recomputes after a sharing choice, and withholds what the rule now forbids', async () => {
    await setSharing(t.db, 'GM0606', 'not-shared');
    assert.equal(await overallMedian(t), 3);
    await setSharing(t.db, 'GM0599', 'named');
    // Five contributors, one named: four unnamed could be found by subtracting; withheld.
    const figures = await figuresOf(t.db, await groupsOfPeriod(t.db, 2026), 'all');
    assert.equal(figures.isShown, false);
  });
});

describe('the benchmark version', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('goes up on every write the figures depend on, whichever way it is made', async () => {
    const before = await benchmarkVersion(t.db);
    await insertScan(t.db, { code: 'GM0599', period: 2026, overall: 3 });
    const afterScan = await benchmarkVersion(t.db);
    assert.ok(afterScan > before, 'a scan and its scores');
    await setSharing(t.db, 'GM0599', 'named');
    const afterSharing = await benchmarkVersion(t.db);
    assert.ok(afterSharing > afterScan, 'a sharing choice');
    await t.db.update(organisations).set({ population: 670_000 }).where(eq(organisations.code, 'GM0599'));
    assert.ok((await benchmarkVersion(t.db)) > afterSharing, 'a population, even written directly');
  });
});
