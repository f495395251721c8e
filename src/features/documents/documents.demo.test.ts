import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../cli/seed-demo.ts';
import { organisationId, testPassword } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedDemoDocuments } from './documents.demo.ts';
import { listVersions } from './documents.queries.ts';

describe('the demo documents', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  before(async () => {
    t = await createTestApp();
    first = await seedDemo(t.db, testPassword);
  });
  after(() => t.close());

  const versionsOf = async (code: string) => listVersions(t.db, await organisationId(t.db, code));

  it("keeps Rotterdam's strategy document in two numbered versions and its scan results", async () => {
    const rotterdam = await versionsOf('GM0599');
    const strategy = rotterdam.filter((v) => v.kind === 'strategy').sort((a, b) => a.version - b.version);
    assert.deepEqual(
      strategy.map((v) => [v.version, v.format, v.createdByName]),
      [
        [1, 'pdf', 'Noor Bakker'],
        [2, 'docx', 'Noor Bakker'],
      ],
    );
    assert.equal(rotterdam.filter((v) => v.kind === 'scan-results').length, 1);
  });

  it('gives Den Haag scan results in Word, the province its strategy, and Delft none (its scan is a draft)', async () => {
    assert.deepEqual(
      (await versionsOf('GM0518')).map((v) => [v.kind, v.format]),
      [['scan-results', 'docx']],
    );
    assert.ok((await versionsOf('PV28')).every((v) => v.kind === 'strategy'));
    assert.equal((await versionsOf('GM0503')).length, 0);
    assert.ok(first.documents.created >= 4);
  });

  it('adds nothing when run again', async () => {
    assert.deepEqual(await seedDemoDocuments(t.db), { created: 0 });
  });
});
