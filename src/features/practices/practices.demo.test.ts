import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoPeople } from '../../cli/demo-people.ts';
import { createUser } from '../../testing/factories.ts';
import { TestClient, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { loadDemoPractices } from './practices-content.demo.ts';
import { seedDemoPractices } from './practices.demo.ts';
import { practices } from './practices.tables.ts';

const demoPractices = loadDemoPractices();

describe('demo practices', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (const p of demoPeople)
      await createUser(t.db, { name: p.name, email: p.email, memberOf: { [p.organisation]: p.role } });
  });
  after(() => t.close());

  it('adds practices in every state from Rotterdam, other Zuid-Holland municipalities and the province, once', async () => {
    const first = await seedDemoPractices(t.db);
    assert.equal(first.created, demoPractices.length);
    assert.ok(demoPractices.length >= 12);
    const rows = await t.db.select({ status: practices.status }).from(practices);
    assert.deepEqual(
      new Set(rows.map((r) => r.status)),
      new Set(['draft', 'network', 'public', 'withdrawn']),
    );
    const codes = new Set(demoPractices.map((p) => p.organisation));
    for (const code of ['GM0599', 'GM0518', 'GM0503', 'GM0546', 'GM0637', 'GM1783', 'PV28'])
      assert.ok(codes.has(code), code);
    assert.equal((await seedDemoPractices(t.db)).created, 0);
    assert.equal((await t.db.select().from(practices)).length, demoPractices.length);
  });

  it('shows visitors only the public demo practices in search', async () => {
    const page = await new TestClient(t.app).get('/knowledge/practices');
    const publicCount = demoPractices.filter((p) => p.status === 'public').length;
    assert.match(page.body, new RegExp(`${publicCount} praktijkvoorbeelden gevonden`));
    assert.doesNotMatch(page.body, /Digitale tweeling/);
  });
});
