import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { honestWorkbook, oneFarCell } from '../../core/render/spreadsheet.fixtures.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { postFile } from '../registries/registries.fixtures.ts';
import { createStrategyForTest } from './strategy-builders.fixtures.ts';

const url = '/o/GM0518/strategy/import';
const xlsx = (data: Buffer) => ({
  name: 'acties.xlsx',
  type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  data,
});

describe('the strategy import sized before it is read', () => {
  let t: TestApp;
  let editor: TestClient;
  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0518', 'editor'));
    await createStrategyForTest(t.db, await organisationId(t.db, 'GM0518'), { actions: 2 });
  });
  after(() => t.close());

  it('refuses one far cell with a 422 that names the column limit', async () => {
    const response = await postFile(editor, t, url, xlsx(oneFarCell('XFD1048576')));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /meer dan 50 kolommen/);
  });

  it('refuses more than 5.000 rows of actions with the limit written the Dutch way', async () => {
    const response = await postFile(editor, t, url, xlsx(await honestWorkbook(5001, 3)));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /meer dan 5\.000 rijen met acties/);
  });
});
