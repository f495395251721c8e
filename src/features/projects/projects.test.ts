import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { knowledgeProjects } from './projects.tables.ts';

const form = {
  title: 'Sensoren in de haven',
  theme: 'infrastructure-and-sensors',
  task: 'safe-living-environment',
  status: 'running',
  partners: 'Havenbedrijf Rotterdam',
  link: 'https://www.rotterdam.nl/sensoren',
  municipalities: 'GM0599',
};

describe('projects of an organisation', () => {
  let t: TestApp;
  let editor: TestClient;

  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor'));
  });
  after(() => t.close());

  it('lets an editor add a project, and keeps what was typed when a field is wrong', async () => {
    const refused = await editor.post('/o/GM0599/projects', { ...form, municipalities: '', link: 'ftp://x' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /value="Sensoren in de haven"/);
    assert.match(refused.body, /Kies minstens één gemeente/);
    assert.match(refused.body, /Vul een link in die begint met https:\/\//);
    const created = await editor.post('/o/GM0599/projects', form);
    assert.equal(created.statusCode, 303);
    const list = await editor.get('/o/GM0599/projects');
    assert.match(list.body, /Sensoren in de haven/);
    assert.match(list.body, /Zelf ingevuld/);
  });

  it('refuses writes to viewers and to members of another municipality', async () => {
    const { client: viewer } = await signedInAs(t, 'GM0599', 'viewer');
    assert.equal((await viewer.post('/o/GM0599/projects', form)).statusCode, 403);
    assert.doesNotMatch((await viewer.get('/o/GM0599/projects')).body, /Project toevoegen/);
    const { client: delft } = await signedInAs(t, 'GM0503', 'editor');
    assert.equal((await delft.get('/o/GM0599/projects')).statusCode, 403);
    assert.equal((await delft.post('/o/GM0599/projects', form)).statusCode, 403);
  });

  it('asks for confirmation before deleting a project', async () => {
    await editor.post('/o/GM0599/projects', { ...form, title: 'Te verwijderen project' });
    const [row] = await t.db
      .select()
      .from(knowledgeProjects)
      .where(eq(knowledgeProjects.title, 'Te verwijderen project'));
    assert.ok(row);
    const ask = await editor.post(`/o/GM0599/projects/${row.id}/delete`);
    assert.match(ask.body, /Weet u zeker/);
    const done = await editor.post(`/o/GM0599/projects/${row.id}/delete`, { confirm: 'yes' });
    assert.equal(done.statusCode, 303);
    const left = await t.db.select().from(knowledgeProjects).where(eq(knowledgeProjects.id, row.id));
    assert.equal(left.length, 0);
  });

  it('takes chosen strategy actions over as projects, each once', async () => {
    const organisation = await organisationId(t.db, 'GM0599');
    const { actionIds } = await createStrategyForTest(t.db, organisation, { actions: 3 });
    const page = await editor.get('/o/GM0599/projects/from-strategy');
    assert.equal(page.statusCode, 200);
    const [first] = actionIds;
    assert.ok(first);
    assert.match(page.body, new RegExp(`value="${first}"`));
    const done = await editor.post('/o/GM0599/projects/from-strategy', { actions: String(first) });
    assert.equal(done.headers.location, '/o/GM0599/projects?notice=imported&count=1');
    const again = await editor.get('/o/GM0599/projects/from-strategy');
    assert.doesNotMatch(again.body, new RegExp(`value="${first}"`));
    const rows = await t.db
      .select()
      .from(knowledgeProjects)
      .where(eq(knowledgeProjects.sourceActionId, String(first)));
    assert.equal(rows.length, 1);
    assert.equal((await editor.post('/o/GM0599/projects/from-strategy', {})).statusCode, 422);
  });
});
