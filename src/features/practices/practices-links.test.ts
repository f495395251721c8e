import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoPeople } from '../../cli/demo-people.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { seedDemoBenchmark } from '../benchmark/benchmark.demo.ts';
import { seedDemoScans } from '../scan/scan.demo.ts';

describe('links to practices from elsewhere', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (const p of demoPeople)
      await createUser(t.db, { name: p.name, email: p.email, memberOf: { [p.organisation]: p.role } });
    await seedDemoScans(t.db);
    await seedDemoBenchmark(t.db);
  });
  after(() => t.close());

  it("links each theme of the benchmark's learn-from list to the practices on that theme", async () => {
    const client = new TestClient(t.app);
    await client.signIn('noor.bakker@rotterdam.example', testPassword);
    const page = await client.get('/o/GM0599/benchmark');
    assert.equal(page.statusCode, 200);
    const learn = page.body.slice(page.body.indexOf('id="learn-heading"'));
    const links = [
      ...learn.matchAll(/href="\/knowledge\/practices\?theme=([a-z-]+)"\s*>\s*Praktijkvoorbeelden over /g),
    ];
    assert.equal(links.length, 3, 'one link per theme to learn on');
    const target = await new TestClient(t.app).get(`/knowledge/practices?theme=${links[0]?.[1] ?? ''}`);
    assert.equal(target.statusCode, 200);
  });
});
