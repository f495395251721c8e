import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { detectFileKind } from '../../core/http/uploads.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { seedDemoIntake } from './intake.demo.ts';
import { brigadeCases, guideDocuments, guideRequests } from './intake.tables.ts';

describe('intake demo data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('adds a real PDF, requests and questions in every state a coordinator meets, once', async () => {
    const first = await seedDemoIntake(t.db);
    assert.deepEqual(first, { cases: 9, requests: 3 });
    assert.deepEqual(await seedDemoIntake(t.db), { cases: 0, requests: 0 }, 'a second run adds nothing');
    const [document] = await t.db.select().from(guideDocuments);
    assert.ok(document);
    assert.equal((await detectFileKind(document.data))?.kind, 'pdf');
    const statuses = new Set<string>((await t.db.select().from(brigadeCases)).map((c) => c.status));
    for (const status of ['new', 'intake', 'assignment', 'experts', 'in_progress', 'closed', 'declined'])
      assert.ok(statuses.has(status), status);
    assert.equal((await t.db.select().from(guideRequests)).length, 3);
  });

  it('shows Rotterdam its own question with the advisory-day warning to coordinators, and Zoetermeer none', async () => {
    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    const staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    const list = await staff.get('/networks/zuid-holland/brigade');
    const rotterdamId =
      /href="\/networks\/zuid-holland\/brigade\/(\d+)"[^<]*<\/a>\s*<\/th>\s*<td[^>]*>Rotterdam/.exec(
        list.body,
      )?.[1];
    assert.ok(rotterdamId, 'Rotterdam has a question');
    assert.match(
      (await staff.get(`/networks/zuid-holland/brigade/${rotterdamId}`)).body,
      /Let op: 8,0 van de 10/,
    );
    const zoetermeer = await createUser(t.db, { memberOf: { GM0637: 'admin' } });
    const client = new TestClient(t.app);
    await client.signIn(zoetermeer.email, testPassword);
    assert.match((await client.get('/o/GM0637/brigade')).body, /nog geen vragen/);
  });
});
