import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { insertScan, setPopulationOf } from '../benchmark/benchmark.fixtures.ts';
import { submittedScan } from './documents.fixtures.ts';
import { benchmarkPositionOf, loadScan } from './scan-document-data.ts';

/** Large municipalities in five provinces, none in the MRDH: together with Rotterdam, size class 8. */
const others = ['GM0363', 'GM0344', 'GM0772', 'GM0014', 'GM0855'];

describe('the scan document’s benchmark group', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('is the group the benchmark page shows, for an organisation in several groups', async () => {
    // Rotterdam belongs to the MRDH, Zuid-Holland, size class 8 and everyone. Only the last two
    // have enough contributors to be shown; the page then falls back to everyone, and the document
    // used to pick the size class instead.
    for (const code of ['GM0599', ...others]) await setPopulationOf(t.db, code, 300_000);
    for (const [i, code] of others.entries())
      await insertScan(t.db, { code, period: 2026, overall: 2 + i * 0.3 });
    const { scanId } = await submittedScan(t.db, 'GM0599');
    const rotterdam = await organisationId(t.db, 'GM0599');

    const scan = await loadScan(t.db, rotterdam, scanId);
    assert.ok(scan);
    const position = await benchmarkPositionOf(t.db, rotterdam, scan, 'nl');
    assert.ok(position?.isShown, 'the document shows a benchmark position');

    const viewer = await createUser(t.db, { memberOf: { GM0599: 'viewer' } });
    const client = new TestClient(t.app);
    await client.signIn(viewer.email, testPassword);
    const page = await client.get('/o/GM0599/benchmark');
    const shown = /de mediaan van de groep “([^”]+)”/.exec(page.body)?.[1];
    assert.equal(shown, 'Alle deelnemende organisaties');
    assert.equal(position.groupLabel, shown);
  });
});
