import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { holdThreadTask } from '../../core/workers/worker-pool.fixtures.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { submittedScan } from './documents.fixtures.ts';

const page = '/o/GM0599/documents/strategy';

/**
 * Issue #14: an export runs in the worker pool, so other pages keep answering while it is made, and
 * when the pool is full the user gets a clear "busy, try again in a minute" page, never a hang.
 */
describe('exports under load', () => {
  let t: TestApp;
  let editor: TestClient;

  before(async () => {
    // One thread and no queue: the second heavy task at once is refused.
    t = await createTestApp({ env: { WORKER_THREADS: '1', WORKER_QUEUE_SIZE: '0' } });
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor'));
    await submittedScan(t.db, 'GM0599');
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0599'), { actions: 40 });
  });
  after(() => t.close());

  it('keeps answering other pages while a strategy PDF is made', async () => {
    const finished: string[] = [];
    const exported = editor.post(page, { format: 'pdf', language: 'nl' }, page).then((response) => {
      finished.push('export');
      return response;
    });
    // Give the export its start (loading the data), then ask for other pages while it renders.
    while (t.app.services.workers.load.running === 0 && finished.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const health = await t.app.inject({ url: '/health' });
    const home = await editor.get('/o/GM0599');
    finished.push('others');
    assert.equal(health.statusCode, 200);
    assert.equal(home.statusCode, 200);
    assert.equal((await exported).statusCode, 303);
    assert.deepEqual(finished, ['others', 'export'], 'the pages answered before the export finished');
  });

  it('answers 503 with Retry-After and a Dutch "try again in a minute" page when the pool is full', async () => {
    const holding = t.app.services.workers.run(holdThreadTask, [1_500]);
    try {
      const response = await editor.post(page, { format: 'docx', language: 'nl' }, page);
      assert.equal(response.statusCode, 503);
      assert.equal(response.headers['retry-after'], '60');
      assert.match(response.body, /<h1[^>]*>Het is even druk<\/h1>/);
      assert.match(response.body, /Probeer het over een minuut opnieuw; er is niets opgeslagen/);
    } finally {
      await holding;
    }
    const later = await editor.post(page, { format: 'docx', language: 'nl' }, page);
    assert.equal(later.statusCode, 303, 'once the pool is free, the export is made');
  });
});
