import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { honestWorkbook, oneFarCell, zipBomb } from '../../core/render/spreadsheet.fixtures.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { postFile } from './registries.fixtures.ts';
import { registryEntries } from './registries.tables.ts';
import { contractsWorkbook } from './registries-workbook.fixtures.ts';

const url = '/o/GM0518/registers/contracts/import';
const xlsx = (data: Buffer) => ({
  name: 'contracten.xlsx',
  type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  data,
});

/**
 * Issue #14: a crafted spreadsheet is refused with the limit it passes, and an honest one of the
 * largest size is imported, while the server keeps answering other requests.
 */
describe('register imports sized before they are read', () => {
  let t: TestApp;
  let editor: TestClient;
  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0518', 'editor'));
  });
  after(() => t.close());

  async function entries() {
    const id = await organisationId(t.db, 'GM0518');
    const [row] = await t.db
      .select({ n: count() })
      .from(registryEntries)
      .where(eq(registryEntries.organisationId, id));
    return row?.n ?? 0;
  }

  /** Posts the file and asks /health at the same time: both answer, in whichever order. */
  async function uploadBeside(data: Buffer) {
    const [response, health] = await Promise.all([
      postFile(editor, t, url, xlsx(data)),
      t.app.inject({ url: '/health' }),
    ]);
    assert.equal(health.statusCode, 200);
    return response;
  }

  const cases = [
    {
      what: 'one cell at row 200, column 200',
      file: () => oneFarCell('GR200'),
      says: /meer dan 50 kolommen/,
    },
    { what: 'one cell at XFD1048576', file: () => oneFarCell('XFD1048576'), says: /meer dan 50 kolommen/ },
    { what: 'one cell at A1048576', file: () => oneFarCell('A1048576'), says: /meer dan 5\.000 rijen/ },
    { what: 'a zip bomb', file: () => zipBomb(80, false), says: /uitgepakt groter dan 64 MB/ },
    {
      what: 'a zip bomb lying about its size',
      file: () => zipBomb(80, true),
      says: /uitgepakt groter dan 64 MB/,
    },
  ];
  for (const { what, file, says } of cases)
    it(`refuses ${what} with a 422 that says the limit, storing nothing`, async () => {
      const before = await entries();
      const response = await uploadBeside(file());
      assert.equal(response.statusCode, 422);
      assert.match(response.body, says);
      assert.equal(await entries(), before);
    });

  it('refuses 5,001 rows, and imports an honest 5,000 × 12 workbook while /health answers first', async () => {
    const tooMany = await uploadBeside(await honestWorkbook(5001, 12));
    assert.equal(tooMany.statusCode, 422);
    assert.match(tooMany.body, /meer dan 5\.000 rijen/);

    const finished: string[] = [];
    const imported = postFile(editor, t, url, xlsx(await contractsWorkbook(5000))).then((response) => {
      finished.push('import');
      return response;
    });
    while (t.app.services.workers.load.running === 0 && finished.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 2));
    const health = await t.app.inject({ url: '/health' });
    finished.push('health');
    assert.equal(health.statusCode, 200);
    const response = await imported;
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.match(String(response.headers.location), /created=5000/);
    assert.deepEqual(finished, ['health', 'import'], '/health answered while the workbook was read');
    assert.equal(await entries(), 5000);
  });
});
