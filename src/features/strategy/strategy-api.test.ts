import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createApiToken } from '../organisations/index.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';

const nextYear = () => new Date(Date.now() + 365 * 86_400_000);

describe('the strategies API', () => {
  let t: TestApp;
  let token = '';
  let registersOnly = '';
  let strategyId = 0;
  let actionIds: number[] = [];
  let foreignStrategyId = 0;
  before(async () => {
    t = await createTestApp();
    const rotterdam = await organisationId(t.db, 'GM0599');
    const admin = await createUser(t.db, { memberOf: { GM0599: 'admin' } });
    const grant = { access: 'read' as const, expiresAt: nextYear() };
    token = await createApiToken(t.db, rotterdam, 'dashboard', admin.id, {
      ...grant,
      resources: ['strategies'],
    });
    registersOnly = await createApiToken(t.db, rotterdam, 'registers', admin.id, {
      ...grant,
      resources: ['registers'],
    });
    ({ strategyId, actionIds } = await createStrategyForTest(t.db, rotterdam, { actions: 3 }));
    ({ strategyId: foreignStrategyId } = await createStrategyForTest(
      t.db,
      await organisationId(t.db, 'GM0518'),
      {
        actions: 1,
      },
    ));
  });
  after(() => t.close());

  const get = (url: string, bearer = token, headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${bearer}`, ...headers } });

  it('lists the strategies and gives one with its actions, tasks and themes', async () => {
    const list = await get('/organisations/GM0599/strategies');
    assert.deepEqual(
      list.json<{ items: { id: number; status: string }[] }>().items.map((s) => [s.id, s.status]),
      [[strategyId, 'active']],
    );
    const one = await get(`/organisations/GM0599/strategies/${strategyId}`);
    const strategy = one.json<{
      actions: {
        id: number;
        start: string;
        themeId: string;
        societalTaskIds: string[];
        budgetEuros: number;
      }[];
      societalTasks: unknown[];
    }>();
    assert.deepEqual(
      strategy.actions.map((a) => a.id),
      actionIds,
    );
    assert.match(strategy.actions[0]?.start ?? '', /^\d{4}-Q[1-4]$/);
    assert.ok(strategy.actions[0]?.themeId);
    assert.equal(strategy.actions[0]?.budgetEuros, 25_000, 'euros, not the stored cents');
    assert.equal(strategy.societalTasks.length, 3);
    assert.ok(one.headers.etag);
  });

  it('gives an action with its ETag, and 304 to a client that holds it', async () => {
    const url = `/organisations/GM0599/strategies/${strategyId}/actions/${actionIds[1]}`;
    const action = await get(url);
    const etag = String(action.headers.etag);
    const held = await get(url, token, { 'if-none-match': etag });
    assert.equal(held.statusCode, 304);
  });

  it("answers nothing of another organisation's strategy, and nothing to a token for other parts", async () => {
    const underOwnCode = await get(`/organisations/GM0518/strategies/${strategyId}`);
    assert.equal(underOwnCode.statusCode, 403);
    const foreign = await get(`/organisations/GM0599/strategies/${foreignStrategyId}`);
    assert.equal(foreign.statusCode, 404);
    const outOfScope = await get('/organisations/GM0599/strategies', registersOnly);
    assert.equal(outOfScope.statusCode, 403);
  });
});
