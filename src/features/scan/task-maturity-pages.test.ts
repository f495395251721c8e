import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDecimal } from '../../core/i18n/i18n.ts';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { getFramework, localise } from '../framework/index.ts';
import { latestSubmittedThemeScores } from './scan-latest.ts';
import { taskMaturity } from './task-maturity.model.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const rowOf = (title: string, position: string) =>
  new RegExp(`<th scope="row"[^>]*>${title}</th> ?<td[^>]*> ?${position} ?</td>`);

/** The demo's Rotterdam has submitted scans and a strategy. */
describe('maturity per societal task on the pages', () => {
  let t: TestApp;
  let client: TestClient;
  before(async () => {
    t = await createTestApp({ demoData: true });
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    client = new TestClient(t.app);
    await client.signIn(user.email, testPassword);
  });
  after(() => t.close());

  /** The first task with a position, as the model computes it from the stored scores. */
  async function expected() {
    const latest = await latestSubmittedThemeScores(t.db, await organisationId(t.db, 'GM0599'));
    assert.ok(latest, 'Rotterdam has a submitted scan');
    const framework = getFramework(latest.frameworkVersion);
    const scores = new Map([...latest.themes].map(([id, s]) => [id, s.score]));
    const task = taskMaturity(framework, scores, ['mrdh', 'zuid-holland']).find((x) => x.score !== null);
    assert.ok(task && task.score !== null);
    const title = framework.societalTasks.find((s) => s.id === task.taskId)?.title;
    assert.ok(title);
    return {
      scanId: latest.scanId,
      title: localise(title, 'nl'),
      position: formatDecimal('nl', Math.round(task.score * 10) / 10),
    };
  }

  it('shows each task’s position, as a chart with a table, in the results of the scan', async () => {
    const { scanId, title, position } = await expected();
    const page = squash((await client.get(`/o/GM0599/scans/${scanId}/results`)).body);
    assert.ok(
      /<h2[^>]*id="task-maturity-heading"[^>]*>Volwassenheid per maatschappelijke opgave<\/h2>/.test(page),
    );
    assert.ok(
      /<svg[^>]*role="img"[^>]*>[^]*?Positie per maatschappelijke opgave \(1 tot 5\)/.test(page),
      'the chart',
    );
    assert.ok(
      /<caption[^>]*> ?Positie per maatschappelijke opgave/.test(page),
      'the table with the same figures',
    );
    assert.ok(rowOf(title, position).test(page), `a row “${title}” with ${position}`);
    assert.ok(
      /<details class="rk-disclosure"> <summary>[^<]+: wat zij nodig heeft/.test(page),
      'details per task',
    );
  });

  it('shows the positions beside the choice of tasks in the strategy builder', async () => {
    const { title, position } = await expected();
    const page = squash((await client.get('/o/GM0599/strategy/edit')).body);
    assert.ok(page.includes('Volwassenheid per maatschappelijke opgave'));
    assert.ok(rowOf(title, position).test(page), `a row “${title}” with ${position}`);
  });
});
