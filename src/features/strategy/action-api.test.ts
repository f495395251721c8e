import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { apiCaller, apiTokensFor } from '../../testing/api-tokens.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';
import { startNewVersion } from './strategy.service.ts';

type Params = { invalidParams: { name: string; reason: string }[] };

describe('writing actions through the API', () => {
  let t: TestApp;
  let reader = '';
  let writer = '';
  let stranger = '';
  let registersOnly = '';
  let strategyId = 0;
  let actionIds: number[] = [];
  let adminId = 0;
  const framework = getFramework(latestFrameworkVersion());
  const theme = framework.themes[0];
  const task = framework.societalTasks[0];
  const body = (extra: Record<string, unknown> = {}) => ({
    title: 'Sensoren in de haven',
    description: 'Meten wat er gebeurt.',
    themeId: theme?.id,
    societalTaskIds: [task?.id],
    departments: ['Havenbedrijf', 'Informatievoorziening'],
    start: '2027-Q1',
    end: '2027-Q4',
    budgetEuros: 125_000.5,
    budgetKind: 'project',
    partners: ['Port of Rotterdam'],
    status: 'planned',
    progress: 0,
    milestones: [{ date: '2027-03-01', title: 'Aanbesteding', isDone: true }],
    ...extra,
  });

  before(async () => {
    t = await createTestApp();
    const rotterdam = await organisationId(t.db, 'GM0599');
    ({ reader, writer, registersOnly, stranger, adminId } = await apiTokensFor(t.db, 'strategies'));
    ({ strategyId, actionIds } = await createStrategyForTest(t.db, rotterdam, { actions: 2 }));
  });
  after(() => t.close());

  const call = apiCaller(
    () => t,
    () => `/api/v1/organisations/GM0599/strategies/${strategyId}/actions`,
  );

  it('adds an action with its tasks, theme and dependencies, read back as the form stored it', async () => {
    const created = await call('POST', '', writer, { body: body({ dependsOn: [actionIds[0]] }) });
    assert.equal(created.statusCode, 201, created.body);
    const action = created.json<Record<string, unknown> & { id: number }>();
    assert.equal(
      created.headers.location,
      `/api/v1/organisations/GM0599/strategies/${strategyId}/actions/${action.id}`,
    );
    assert.equal(created.headers.etag, '"v1"');
    assert.equal(action.pillar, theme?.pillar, 'the pillar follows from the theme');
    assert.equal(action.budgetEuros, 125_000.5);
    assert.deepEqual(action.societalTaskIds, [task?.id]);
    assert.deepEqual(action.departments, ['Havenbedrijf', 'Informatievoorziening']);
    assert.deepEqual(action.dependsOn, [actionIds[0]]);
    assert.deepEqual(action.milestones, [{ date: '2027-03-01', title: 'Aanbesteding', isDone: true }]);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'strategy.action.created');
    assert.equal(audit?.actorUserId, null);
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
  });

  it('keeps no budget apart from a budget of nothing', async () => {
    const none = await call('POST', '', writer, { body: body({ budgetEuros: null, budgetKind: null }) });
    assert.equal(none.json<{ budgetEuros: unknown }>().budgetEuros, null);
    const zero = await call('POST', '', writer, { body: body({ budgetEuros: 0 }) });
    assert.equal(zero.json<{ budgetEuros: unknown }>().budgetEuros, 0);
  });

  it('refuses what the form refuses, naming each field', async () => {
    const wrong = await call('POST', '', writer, {
      body: body({ themeId: 'no-such-theme', end: '2026-Q1', budgetEuros: 10.555, title: '' }),
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(
      wrong
        .json<Params>()
        .invalidParams.map((p) => p.name)
        .sort(),
      ['budgetEuros', 'end', 'themeId', 'title'],
    );
    const noKind = await call('POST', '', writer, { body: body({ budgetKind: null }) });
    assert.deepEqual(
      noKind.json<Params>().invalidParams.map((p) => p.name),
      ['budgetKind'],
    );
    const unknownDependency = await call('POST', '', writer, { body: body({ dependsOn: [999_999] }) });
    assert.equal(unknownDependency.statusCode, 400);
    assert.deepEqual(
      unknownDependency.json<Params>().invalidParams.map((p) => p.name),
      ['dependsOn'],
    );
    const unknownField = await call('POST', '', writer, { body: body({ colour: 'blauw' }) });
    assert.equal(unknownField.statusCode, 400);
  });

  it('replaces an action only with the current version in If-Match, and deletes it likewise', async () => {
    const created = await call('POST', '', writer, { body: body({ title: 'Te wijzigen' }) });
    const id = created.json<{ id: number }>().id;
    const changed = body({ title: 'Gewijzigd', status: 'running', progress: 40 });

    const withoutVersion = await call('PUT', `/${id}`, writer, { body: changed });
    assert.equal(withoutVersion.statusCode, 428);
    const saved = await call('PUT', `/${id}`, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.headers.etag, '"v2"');
    assert.equal(saved.json<{ title: string; progress: number }>().progress, 40);
    const stale = await call('PUT', `/${id}`, writer, { body: changed, headers: { 'if-match': '"v1"' } });
    assert.equal(stale.statusCode, 412, 'a change based on an older version never overwrites');
    assert.equal(stale.json<{ currentEtag: string }>().currentEtag, '"v2"', 'the version to read again');

    const staleDelete = await call('DELETE', `/${id}`, writer, { headers: { 'if-match': '"v1"' } });
    assert.equal(staleDelete.statusCode, 412);
    const noVersionDelete = await call('DELETE', `/${id}`, writer);
    assert.equal(noVersionDelete.statusCode, 428);
    const gone = await call('DELETE', `/${id}`, writer, { headers: { 'if-match': '"v2"' } });
    assert.equal(gone.statusCode, 204);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'strategy.action.deleted');
    assert.equal(typeof (audit?.details as { apiTokenId?: unknown }).apiTokenId, 'number');
  });

  it('keeps an action that others depend on, as the web interface does', async () => {
    const first = actionIds[0];
    const dependant = await call('POST', '', writer, { body: body({ dependsOn: [first] }) });
    assert.equal(dependant.statusCode, 201);
    const refused = await call('DELETE', `/${first}`, writer, { headers: { 'if-match': '"v1"' } });
    assert.equal(refused.statusCode, 409);
  });

  it('never changes with a reading token, another organisation’s token or one for other parts', async () => {
    const before = await t.db.select().from(auditLog);
    assert.equal((await call('POST', '', reader, { body: body() })).statusCode, 403);
    assert.equal((await call('POST', '', registersOnly, { body: body() })).statusCode, 403);
    const foreign = await call('PUT', `/${actionIds[1]}`, stranger, {
      body: body(),
      headers: { 'if-match': '"v1"' },
    });
    assert.equal(foreign.statusCode, 403);
    const underOwnCode = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/organisations/GM0518/strategies/${strategyId}/actions/${actionIds[1]}`,
      headers: { authorization: `Bearer ${stranger}`, 'if-match': '"v1"' },
    });
    assert.equal(underOwnCode.statusCode, 404, 'the strategy is not one of its own');
    assert.equal((await t.db.select().from(auditLog)).length, before.length);
  });

  it('leaves an archived version as it was decided', async () => {
    const rotterdam = await organisationId(t.db, 'GM0599');
    const versioned = await startNewVersion(t.db, { organisationId: rotterdam, actorUserId: adminId });
    assert.ok(versioned.ok);
    const archived = await call('POST', '', writer, { body: body() });
    assert.equal(archived.statusCode, 409);
    const edit = await call('PUT', `/${actionIds[1]}`, writer, {
      body: body(),
      headers: { 'if-match': '*' },
    });
    assert.equal(edit.statusCode, 409);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'strategy.action.updated'));
    assert.equal(rows.length, 1, 'only the earlier edit');
  });
});
