import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditLog } from '../../core/db/core.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedDemoRoadmap } from './roadmap.demo.ts';
import { listShareLinks, organisationOfToken } from './roadmap-share.ts';

describe('the roadmap demo data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('gives Rotterdam one active and one revoked public link, once however often it runs', async () => {
    assert.deepEqual(await seedDemoRoadmap(t.db), { links: 2 });
    assert.deepEqual(await seedDemoRoadmap(t.db), { links: 0 });
    const links = await listShareLinks(t.db, await organisationId(t.db, 'GM0599'));
    assert.equal(links.length, 2);
    const [active, revoked] = [links.find((l) => !l.revokedAt), links.find((l) => l.revokedAt)];
    assert.ok(active && revoked);
    assert.equal((await organisationOfToken(t.db, active.token))?.code, 'GM0599');
    assert.equal(await organisationOfToken(t.db, revoked.token), null);
  });

  it('records creating and revoking a link in the audit log', async () => {
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    assert.ok(actions.includes('roadmap.link.created'));
    assert.ok(actions.includes('roadmap.link.revoked'));
  });
});
