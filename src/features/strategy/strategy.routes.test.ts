import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';
import { actionForm, insertSubmittedScan, send } from './strategy.fixtures.ts';
import { getActiveStrategy } from './strategy.service.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('strategy pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lets an editor create the strategy, and keeps what was typed when a field is wrong', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const bad = await send(t, client, '/o/GM0599/strategy', {
      title: 'Strategie',
      startYear: '2028',
      endYear: '2026',
      vision: 'Onze *visie*',
      'task.energy-transition': '1',
      'ambition.energy-transition': '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(squash(bad.body), /Het eindjaar ligt vóór het beginjaar/);
    assert.match(squash(bad.body), /Schrijf de ambitie bij de opgave/);
    assert.match(bad.body, /Onze \*visie\*/);
    const good = await send(t, client, '/o/GM0599/strategy', {
      title: 'Rotterdam Digitaal',
      startYear: '2026',
      endYear: '2029',
      vision: 'Onze *visie*',
      'task.energy-transition': '1',
      'ambition.energy-transition': 'Alle wijken aardgasvrij',
    });
    assert.equal(good.statusCode, 303);
    const page = await client.get('/o/GM0599/strategy');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<em>visie<\/em>/);
    assert.match(squash(page.body), /Alle wijken aardgasvrij/);
    assert.match(squash(page.body), /De pijler “Bouwen aan digitale strategie” heeft nog geen acties/);
  });

  it('shows both values when two editors save the strategy from the same version', async () => {
    const anna = await signedInAs(t, 'GM0599', 'editor', { name: 'Anna Strateeg' });
    const bob = await signedInAs(t, 'GM0599', 'editor');
    const strategy = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    const form = {
      title: 'Rotterdam Digitaal',
      startYear: '2026',
      endYear: '2029',
      vision: 'Visie',
      version: String(strategy?.version ?? 0),
    };
    assert.equal(
      (await send(t, anna.client, '/o/GM0599/strategy/edit', { ...form, title: 'Titel van Anna' }))
        .statusCode,
      303,
    );
    const late = await send(t, bob.client, '/o/GM0599/strategy/edit', { ...form, title: 'Titel van Bob' });
    assert.equal(late.statusCode, 409);
    const body = squash(late.body);
    assert.match(body, /Anna Strateeg/);
    assert.match(
      body,
      /<td class="utrecht-table__cell">Titel van Bob<\/td> <td class="utrecht-table__cell">Titel van Anna<\/td>/,
    );
    assert.match(late.body, /value="Titel van Bob"/);
  });

  it('adds an action through the form and shows it in its pillar with its warnings', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const saved = await send(t, client, '/o/GM0599/strategy/actions', actionForm({ taskIds: [] }));
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const detail = await client.get(String(saved.headers.location));
    assert.match(squash(detail.body), /Technology push/);
    assert.match(detail.body, /\/knowledge\/practices\?theme=data-ecosystem/);
    assert.match(squash(detail.body), /Aangemaakt/);
    assert.match(squash(detail.body), /30 september 2026: Eerste wijk/, 'milestones as dates in words');
    assert.doesNotMatch(
      squash(detail.body),
      />[^<]*\b\d{4}-(\d{2}-\d{2}|Q\d)\b/,
      'no ISO dates or 2026-Q1 in the text',
    );
    const form = await client.get(`${String(saved.headers.location).replace(/\?.*$/, '')}/edit`);
    assert.match(squash(form.body), /<option value="2026-Q2" selected>K2 2026<\/option>/);
    const page = await client.get('/o/GM0599/strategy');
    assert.match(squash(page.body), /Acties van de pijler/);
    assert.match(squash(page.body), /Datagedreven aanpak warmtetransitie/);
    const group =
      /<div class="utrecht-button-group rk-page-actions"[^>]*>(.*?)<\/div>/s.exec(page.body)?.[1] ?? '';
    const targets = [...group.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(targets.length >= 5 && targets.length <= 10, `a small set of buttons, not ${targets.length}`);
    assert.equal(new Set(targets).size, targets.length, 'no two buttons to the same place');
    assert.match(group, /utrecht-button-link--primary-action"\s+href="\/o\/GM0599\/strategy\/actions\/new"/);
    assert.doesNotMatch(page.body, /rk-action-list/, 'no bullet list of links');
  });

  it('refuses a dependency cycle and a start before a dependency ends, in Dutch, keeping the input', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const strategy = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    const first = strategy?.actions[0];
    assert.ok(first);
    const early = await send(
      t,
      client,
      '/o/GM0599/strategy/actions',
      actionForm({ title: 'Vervolg', start: '2026-Q3', end: '2027-Q4', dependsOn: [String(first.id)] }),
    );
    assert.equal(early.statusCode, 422);
    assert.match(
      squash(early.body),
      /Deze actie begint vóór “Datagedreven aanpak warmtetransitie” klaar is \(die eindigt in K1 2027\)/,
    );
    assert.match(early.body, /value="Vervolg"/);
    const later = await send(
      t,
      client,
      '/o/GM0599/strategy/actions',
      actionForm({
        title: 'Vervolg',
        start: '2027-Q2',
        end: '2027-Q4',
        dependsOn: [String(first.id)],
        budgetKind: 'incidental',
      }),
    );
    assert.equal(later.statusCode, 303);
    const second = Number(/actions\/(\d+)/.exec(String(later.headers.location))?.[1]);
    const cycle = await send(
      t,
      client,
      `/o/GM0599/strategy/actions/${first.id}/edit`,
      actionForm({
        version: String(first.version),
        start: '2027-Q4',
        end: '2027-Q4',
        dependsOn: [String(second)],
        taskIds: [],
      }),
    );
    assert.equal(cycle.statusCode, 422);
    assert.match(squash(cycle.body), /vormen een kring/);
    const pilot = await client.get(`/o/GM0599/strategy/actions/${first.id}`);
    assert.match(squash(pilot.body), /Stopt als het projectbudget op is/);
  });

  it('shows a conflict with both values when two editors change the same action', async () => {
    const anna = await signedInAs(t, 'GM0599', 'editor', { name: 'Anna de Vries' });
    const bob = await signedInAs(t, 'GM0599', 'editor', { name: 'Bob Jansen' });
    const strategy = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    const action = strategy?.actions[0];
    assert.ok(action);
    const base = { version: String(action.version), taskIds: [] as string[] };
    const first = await send(
      t,
      anna.client,
      `/o/GM0599/strategy/actions/${action.id}/edit`,
      actionForm({ ...base, progress: '45' }),
    );
    assert.equal(first.statusCode, 303);
    const second = await send(
      t,
      bob.client,
      `/o/GM0599/strategy/actions/${action.id}/edit`,
      actionForm({ ...base, progress: '70' }),
    );
    assert.equal(second.statusCode, 409);
    const body = squash(second.body);
    assert.match(body, /Anna de Vries/);
    assert.match(
      body,
      /Voortgang \(%\)<\/th> <td class="utrecht-table__cell">70<\/td> <td class="utrecht-table__cell">45<\/td>/,
    );
    assert.match(second.body, /name="progress"[^>]*value="70"|value="70"/);
    const history = await bob.client.get(`/o/GM0599/strategy/actions/${action.id}`);
    assert.match(squash(history.body), /Voortgang \(%\): 20 → 45/);
    assert.match(squash(history.body), /Anna de Vries/);
  });

  it('lets a viewer read but not write, and hides the strategy from another municipality', async () => {
    const viewer = await signedInAs(t, 'GM0599', 'viewer');
    assert.equal((await viewer.client.get('/o/GM0599/strategy')).statusCode, 200);
    assert.doesNotMatch((await viewer.client.get('/o/GM0599/strategy')).body, /Actie toevoegen/);
    assert.equal((await viewer.client.get('/o/GM0599/strategy/actions/new')).statusCode, 403);
    assert.equal((await send(t, viewer.client, '/o/GM0599/strategy/actions', actionForm())).statusCode, 403);
    const delft = await signedInAs(t, 'GM0503', 'admin');
    const other = await delft.client.get('/o/GM0599/strategy');
    assert.ok([403, 404].includes(other.statusCode));
    const strategy = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    const foreign = await delft.client.get(`/o/GM0503/strategy/versions/${strategy?.id ?? 0}`);
    assert.equal(foreign.statusCode, 404);
  });

  it('deletes an action only after confirmation, and refuses while another depends on it', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const strategy = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    const [first, second] = strategy?.actions ?? [];
    assert.ok(first && second);
    const confirm = await client.get(`/o/GM0599/strategy/actions/${second.id}/delete`);
    assert.match(squash(confirm.body), /Weet u zeker/);
    const refused = await send(t, client, `/o/GM0599/strategy/actions/${first.id}/delete`, {});
    assert.equal(refused.statusCode, 409);
    assert.match(squash(refused.body), /“Vervolg” hangt ervan af/);
    const done = await send(t, client, `/o/GM0599/strategy/actions/${second.id}/delete`, {});
    assert.equal(done.statusCode, 303);
    assert.equal((await client.get(`/o/GM0599/strategy/actions/${second.id}`)).statusCode, 404);
  });

  it('starts a new version after confirmation and keeps the earlier one read-only', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const before = await getActiveStrategy(t.db, await organisationId(t.db, 'GM0599'));
    assert.ok(before);
    assert.match(squash((await client.get('/o/GM0599/strategy/new-version')).body), /wordt gearchiveerd/);
    assert.equal((await send(t, client, '/o/GM0599/strategy/new-version', {})).statusCode, 303);
    const old = await client.get(`/o/GM0599/strategy/versions/${before.id}`);
    assert.equal(old.statusCode, 200);
    assert.match(squash(old.body), /alleen te lezen/);
    assert.doesNotMatch(old.body, /Actie toevoegen/);
    const oldAction = before.actions[0];
    assert.ok(oldAction);
    const archivedAction = await client.get(
      `/o/GM0599/strategy/versions/${before.id}/actions/${oldAction.id}`,
    );
    assert.equal(archivedAction.statusCode, 200);
    assert.match(squash(archivedAction.body), /gearchiveerd en kan niet meer worden gewijzigd/);
    assert.doesNotMatch(archivedAction.body, /\/edit"/);
    const versions = await client.get('/o/GM0599/strategy/versions');
    assert.match(squash(versions.body), /Gearchiveerd/);
  });

  it('offers the framework’s next-level actions for themes below target, pre-filled and recorded', async () => {
    const org = await organisationId(t.db, 'GM0518');
    await insertSubmittedScan(t.db, org, {
      ethics: { score: 1.4, target: 3 },
      'open-data': { score: 3, target: 3 },
    });
    await createStrategyForTest(t.db, org, { actions: 0 });
    const { client } = await signedInAs(t, 'GM0518', 'editor');
    const page = await client.get('/o/GM0518/strategy/suggestions');
    assert.equal(page.statusCode, 200);
    const links = [...page.body.matchAll(/actions\/new\?suggestion=([a-z0-9.-]+)/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    assert.ok(
      links.every((id) => id?.startsWith('ethics')),
      links.join(),
    );
    const form = await client.get(`/o/GM0518/strategy/actions/new?suggestion=${links[0] ?? ''}`);
    assert.match(squash(form.body), /Voorgesteld door het raamwerk/);
    assert.match(form.body, new RegExp(`name="frameworkActionId" value="${links[0] ?? ''}"`));
  });
});
