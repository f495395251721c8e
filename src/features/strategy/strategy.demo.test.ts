import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { listStrategyVersions } from './strategy.queries.ts';
import { loadRoadmapInput } from './strategy-roadmap.ts';
import { getActiveStrategy } from './strategy.service.ts';
import { seedDemoStrategies } from './strategy.demo.ts';

describe('demo strategies', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('gives Rotterdam a full active strategy with warnings and an archived earlier version, once', async () => {
    assert.deepEqual(await seedDemoStrategies(t.db), { strategies: 5 });
    assert.deepEqual(await seedDemoStrategies(t.db), { strategies: 0 });
    const rotterdam = await organisationId(t.db, 'GM0599');
    const strategy = await getActiveStrategy(t.db, rotterdam);
    assert.equal(strategy?.actions.length, 25);
    assert.equal(new Set(strategy?.actions.map((a) => a.pillar)).size, 4);
    const versions = await listStrategyVersions(t.db, rotterdam);
    assert.deepEqual(
      versions.map((v) => v.status),
      ['active', 'archived'],
    );
    const input = await loadRoadmapInput(t.db, rotterdam, 'nl', '2026-11-28');
    const warnings = input?.actions.flatMap((a) => a.warnings) ?? [];
    assert.ok(warnings.some((w) => w.startsWith('Technology push')));
    assert.ok(warnings.some((w) => w.startsWith('Stopt als het projectbudget op is')));
  });

  it('leaves Delft without actions, gives the province its own, and Dordrecht none', async () => {
    assert.equal((await getActiveStrategy(t.db, await organisationId(t.db, 'GM0503')))?.actions.length, 0);
    assert.equal((await getActiveStrategy(t.db, await organisationId(t.db, 'PV28')))?.actions.length, 8);
    assert.equal(await getActiveStrategy(t.db, await organisationId(t.db, 'GM0505')), null);
  });
});
