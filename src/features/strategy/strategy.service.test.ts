import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { createStrategyForTest, sampleActionFields } from './strategy-builders.fixtures.ts';
import { insertSubmittedScan } from './strategy.fixtures.ts';
import { historyOf } from './strategy.queries.ts';
import { getActiveStrategy, getStrategy, startNewVersion, updateStrategy } from './strategy.service.ts';
import { saveAction } from './action.service.ts';
import { loadRegionalRoadmapInput, loadRoadmapInput } from './strategy-roadmap.ts';

const framework = () => getFramework(latestFrameworkVersion());

describe('strategy service', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('loads the active strategy with every action and its fields', async () => {
    const org = await organisationId(t.db, 'GM0599');
    const { strategyId, actionIds } = await createStrategyForTest(t.db, org, { actions: 5 });
    const strategy = await getActiveStrategy(t.db, org);
    assert.equal(strategy?.id, strategyId);
    assert.equal(strategy?.versionNumber, 1);
    assert.equal(strategy?.status, 'active');
    assert.deepEqual(strategy?.actions.map((a) => a.id).sort(), [...actionIds].sort());
    const first = strategy?.actions.find((a) => a.id === actionIds[0]);
    assert.ok(first?.frameworkActionId);
    assert.ok((first?.budgetCents ?? 0) > 0);
    assert.equal(await getActiveStrategy(t.db, await organisationId(t.db, 'GM0518')), null);
  });

  it('builds the roadmap input with localised pillars in framework order and warnings per action', async () => {
    const org = await organisationId(t.db, 'GM0503');
    await createStrategyForTest(t.db, org, { actions: 3, withTechnologyPush: true });
    const input = await loadRoadmapInput(t.db, org, 'nl', '2026-11-28');
    assert.ok(input);
    assert.deepEqual(
      input.pillars.map((p) => p.id),
      ['strategy', 'foundation', 'preconditions', 'ecosystem'],
    );
    assert.equal(input.pillars[0]?.title, framework().pillars[0]?.title.nl);
    assert.equal(input.organisationName, 'Delft');
    assert.equal(input.actions.length, 3);
    assert.match(input.actions[0]?.warnings[0] ?? '', /Technology push/);
    assert.ok((input.strategyWarnings ?? []).length > 0);
  });

  it('puts the actions of several organisations on the regional roadmap, each with its name', async () => {
    const a = await organisationId(t.db, 'GM0606');
    const b = await organisationId(t.db, 'GM0637');
    await createStrategyForTest(t.db, a, { actions: 2 });
    await createStrategyForTest(t.db, b, { actions: 1, startYear: 2025, endYear: 2030 });
    const input = await loadRegionalRoadmapInput(t.db, [a, b], 'en', '2026-11-28', 'Regio');
    assert.equal(input?.actions.length, 3);
    assert.equal(new Set(input?.actions.map((x) => x.organisationName)).size, 2);
    assert.equal(input?.startYear, 2025);
    assert.equal(input?.endYear, 2030);
  });

  it('warns of a low-scored precondition theme without an action', async () => {
    const org = await organisationId(t.db, 'GM0505');
    await insertSubmittedScan(t.db, org, { ethics: { score: 1.5, target: 3 } });
    await createStrategyForTest(t.db, org, { actions: 1 });
    const input = await loadRoadmapInput(t.db, org, 'nl', '2026-11-28');
    assert.ok(input?.strategyWarnings?.some((w) => /scoorde 1,5/.test(w)));
  });

  it('refuses an edit made from an older version and keeps the stored value', async () => {
    const org = await organisationId(t.db, 'GM0597');
    const user = await createUser(t.db, { memberOf: { GM0597: 'editor' } });
    const { strategyId, actionIds } = await createStrategyForTest(t.db, org, { actions: 1 });
    const actionId = actionIds[0] ?? 0;
    const fields = sampleActionFields(framework(), 0, 2026, 2029);
    const first = await saveAction(t.db, {
      organisationId: org,
      strategyId,
      actorUserId: user.id,
      actionId,
      expectedVersion: 1,
      fields: { ...fields, progress: 40 },
    });
    assert.equal(first.ok, true);
    const second = await saveAction(t.db, {
      organisationId: org,
      strategyId,
      actorUserId: user.id,
      actionId,
      expectedVersion: 1,
      fields: { ...fields, progress: 60 },
    });
    assert.equal(second.ok, false);
    assert.equal(!second.ok && second.problem === 'conflict' ? second.stored.progress : -1, 40);
    const history = await historyOf(t.db, strategyId, actionId);
    assert.equal(history[0]?.kind, 'updated');
    assert.deepEqual(
      history[0]?.changes.find((c) => c.field === 'progress'),
      { field: 'progress', before: String(fields.progress), after: '40' },
    );
  });

  it('refuses to edit a strategy from an older version', async () => {
    const org = await organisationId(t.db, 'GM0599');
    const strategy = await getActiveStrategy(t.db, org);
    assert.ok(strategy);
    const fields = { ...strategy, title: 'Nieuwe titel' };
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const input = { organisationId: org, strategyId: strategy.id, actorUserId: user.id, fields };
    assert.deepEqual(await updateStrategy(t.db, { ...input, expectedVersion: strategy.version }), {
      ok: true,
    });
    const stale = await updateStrategy(t.db, {
      ...input,
      expectedVersion: strategy.version,
      fields: { ...fields, title: 'X' },
    });
    assert.equal(!stale.ok && stale.problem === 'conflict' ? stale.stored.title : '', 'Nieuwe titel');
  });

  it('archives the active strategy as a read-only earlier version when a new one starts', async () => {
    const org = await organisationId(t.db, 'GM0599');
    const user = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const before = await getActiveStrategy(t.db, org);
    assert.ok(before);
    const result = await startNewVersion(t.db, { organisationId: org, actorUserId: user.id });
    assert.ok(result.ok);
    const archived = await getStrategy(t.db, org, before.id);
    const active = await getActiveStrategy(t.db, org);
    assert.equal(archived?.status, 'archived');
    assert.equal(active?.versionNumber, 2);
    assert.equal(active?.actions.length, before.actions.length);
    const edit = await saveAction(t.db, {
      organisationId: org,
      strategyId: before.id,
      actorUserId: user.id,
      fields: sampleActionFields(framework(), 1, 2026, 2029),
    });
    assert.deepEqual(edit, { ok: false, problem: 'archived' });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'strategy.versioned'))
      .orderBy(desc(auditLog.id));
    assert.equal(audit?.organisationId, org);
  });
});
