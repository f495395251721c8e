import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { apiCaller, apiTokensFor } from '../../testing/api-tokens.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { addEntries, contractRow } from './registries.fixtures.ts';
import { registryEntries } from './registries.tables.ts';

type Items<T> = { items: T[] };
type LinkedAction = { id: number; strategyId: number; title: string; href: string };
type LinkedEntry = { register: string; id: number; name: string; href: string };
type Problem = { detail?: string; invalidParams?: { name: string; reason: string }[] };

describe('the links between register entries and strategy actions through the API', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof apiTokensFor>>;
  let strategiesOnly = '';
  let strategyId = 0;
  let actionIds: number[] = [];
  let strangerActionId = 0;
  let entryId = 0;
  const call = apiCaller(
    () => t,
    () => '/api/v1/organisations/GM0599',
  );
  const linksOf = () => `/registers/contracts/entries/${entryId}/actions`;
  const entriesOf = (actionId: number) => `/strategies/${strategyId}/actions/${actionId}/register-entries`;

  before(async () => {
    t = await createTestApp();
    tokens = await apiTokensFor(t.db, 'registers');
    strategiesOnly = (await apiTokensFor(t.db, 'strategies')).writer;
    ({ strategyId, actionIds } = await createStrategyForTest(t.db, await organisationId(t.db, 'GM0599'), {
      actions: 3,
    }));
    const delft = await createStrategyForTest(t.db, await organisationId(t.db, 'GM0518'), { actions: 1 });
    strangerActionId = delft.actionIds[0] ?? 0;
    await addEntries(t.db, 'GM0599', 'contracts', [contractRow({ name: 'Sensorplatform' })]);
    const [entry] = await t.db
      .select({ id: registryEntries.id })
      .from(registryEntries)
      .where(eq(registryEntries.name, 'Sensorplatform'));
    entryId = entry?.id ?? 0;
  });
  after(() => t.close());

  it('links actions to an entry under the entry’s ETag, lists them both ways, and records it', async () => {
    const before = await call('GET', linksOf(), tokens.reader);
    assert.equal(before.statusCode, 200, before.body);
    assert.deepEqual(before.json<Items<LinkedAction>>().items, []);
    const etag = String(before.headers.etag);
    const entry = await call('GET', `/registers/contracts/entries/${entryId}`, tokens.reader);
    assert.equal(entry.headers.etag, etag, 'the links share the entry’s version');

    const linked = await call('PUT', linksOf(), tokens.writer, {
      body: { actionIds: [actionIds[1], actionIds[0], actionIds[1]] },
      headers: { 'if-match': etag },
    });
    assert.equal(linked.statusCode, 200, linked.body);
    assert.notEqual(linked.headers.etag, etag, 'a change of the links is a change of the entry');
    const items = linked.json<Items<LinkedAction>>().items;
    assert.deepEqual(
      items.map((a) => a.id),
      [actionIds[0], actionIds[1]].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    assert.equal(items[0]?.strategyId, strategyId);
    assert.ok(items[0]?.title);
    const action = await call('GET', items[0]?.href ?? '', strategiesOnly);
    assert.equal(action.statusCode, 200, 'the link leads to the action');

    const reread = await call('GET', `/registers/contracts/entries/${entryId}`, tokens.reader);
    assert.equal(reread.headers.etag, linked.headers.etag);

    const entries = await call('GET', entriesOf(actionIds[0] ?? 0), tokens.reader);
    assert.equal(entries.statusCode, 200, entries.body);
    const [first] = entries.json<Items<LinkedEntry>>().items;
    assert.deepEqual(
      { register: first?.register, id: first?.id, name: first?.name },
      { register: 'contracts', id: entryId, name: 'Sensorplatform' },
    );
    const followed = await call('GET', first?.href ?? '', tokens.reader);
    assert.equal(followed.statusCode, 200, 'the link leads to the entry');
    const other = await call('GET', entriesOf(actionIds[2] ?? 0), tokens.reader);
    assert.deepEqual(other.json<Items<LinkedEntry>>().items, []);

    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    assert.equal(audit?.action, 'register.actionsLinked');
    assert.equal(audit?.actorUserId, null);
    const details = audit?.details as { entryId?: number; actionIds?: number[]; apiTokenId?: unknown };
    assert.equal(details.entryId, entryId);
    assert.equal(details.actionIds?.length, 2);
    assert.equal(typeof details.apiTokenId, 'number');
  });

  it('answers 304 to the version the client holds', async () => {
    const first = await call('GET', linksOf(), tokens.reader);
    const again = await call('GET', linksOf(), tokens.reader, {
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
  });

  it('requires If-Match, refuses a stale version and removes links left out of the choice', async () => {
    const current = String((await call('GET', linksOf(), tokens.reader)).headers.etag);
    const missing = await call('PUT', linksOf(), tokens.writer, { body: { actionIds: [] } });
    assert.equal(missing.statusCode, 428);
    const stale = await call('PUT', linksOf(), tokens.writer, {
      body: { actionIds: [] },
      headers: { 'if-match': '"v1"' },
    });
    assert.equal(stale.statusCode, 412);
    const cleared = await call('PUT', linksOf(), tokens.writer, {
      body: { actionIds: [actionIds[2]] },
      headers: { 'if-match': current },
    });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.deepEqual(
      cleared.json<Items<LinkedAction>>().items.map((a) => a.id),
      [actionIds[2]],
    );
    const gone = await call('GET', entriesOf(actionIds[0] ?? 0), tokens.reader);
    assert.deepEqual(gone.json<Items<LinkedEntry>>().items, []);
  });

  it('links only actions of the organisation’s active strategy, with the page’s Dutch reason', async () => {
    for (const id of [strangerActionId, 999_999]) {
      const etag = String((await call('GET', linksOf(), tokens.reader)).headers.etag);
      const refused = await call('PUT', linksOf(), tokens.writer, {
        body: { actionIds: [actionIds[0], id] },
        headers: { 'if-match': etag, 'accept-language': 'nl' },
      });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.deepEqual(refused.json<Problem>().invalidParams, [
        { name: 'actionIds', code: 'invalid', reason: 'Kies alleen acties uit de actieve strategie.' },
      ]);
      const unchanged = await call('GET', linksOf(), tokens.reader);
      assert.equal(unchanged.headers.etag, etag, 'nothing changed');
    }
    const notAList = await call('PUT', linksOf(), tokens.writer, {
      body: { actionIds: 'all' },
      headers: { 'if-match': '*' },
    });
    assert.equal(notAList.statusCode, 400);
  });

  it('answers 404 for an entry or action that is not there', async () => {
    const unknownEntry = await call('GET', '/registers/contracts/entries/999999/actions', tokens.reader);
    assert.equal(unknownEntry.statusCode, 404);
    const wrongRegister = await call(
      'GET',
      `/registers/assessments/entries/${entryId}/actions`,
      tokens.reader,
    );
    assert.equal(wrongRegister.statusCode, 404);
    const unknownAction = await call('GET', entriesOf(999_999), tokens.reader);
    assert.equal(unknownAction.statusCode, 404);
    const strangerAction = await call('GET', entriesOf(strangerActionId), tokens.reader);
    assert.equal(strangerAction.statusCode, 404);
  });

  it('lets a reader read but not change, and gives nothing to another organisation or another scope', async () => {
    const etag = String((await call('GET', linksOf(), tokens.reader)).headers.etag);
    const read = await call('PUT', linksOf(), tokens.reader, {
      body: { actionIds: [] },
      headers: { 'if-match': etag },
    });
    assert.equal(read.statusCode, 403);
    for (const [method, url] of [
      ['GET', linksOf()],
      ['PUT', linksOf()],
      ['GET', entriesOf(actionIds[2] ?? 0)],
    ] as const) {
      for (const token of [tokens.stranger, strategiesOnly]) {
        const response = await call(method, url, token, {
          body: { actionIds: [] },
          headers: { 'if-match': etag },
        });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
        assert.doesNotMatch(response.body, /Sensorplatform|strategyId/);
      }
    }
    const still = await call('GET', linksOf(), tokens.reader);
    assert.equal(still.headers.etag, etag);
    assert.equal(still.json<Items<LinkedAction>>().items.length, 1);
  });

  it('links on the entry’s page through the same service: the entry’s version goes up there too', async () => {
    const editor = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const client = new TestClient(t.app);
    await client.signIn(editor.email, testPassword);
    const etag = String((await call('GET', linksOf(), tokens.reader)).headers.etag);
    const posted = await client.post(`/o/GM0599/registers/contracts/${entryId}/actions`, {
      actionIds: String(actionIds[0]),
    });
    assert.equal(posted.statusCode, 303, posted.body);
    const after = await call('GET', linksOf(), tokens.reader);
    assert.notEqual(after.headers.etag, etag);
    assert.deepEqual(
      after.json<Items<LinkedAction>>().items.map((a) => a.id),
      [actionIds[0]],
    );
  });
});
