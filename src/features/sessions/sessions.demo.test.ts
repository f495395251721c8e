import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedDemoProjects } from '../projects/projects.demo.ts';
import { knowledgeProjects } from '../projects/index.ts';
import { seedDemoSessions } from './sessions.demo.ts';
import { knowledgeSessions, sessionRegistrations } from './sessions.tables.ts';

describe('knowledge demo data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const people: [string, string][] = [
      ['fatima.elamrani@rotterdam.example', 'GM0599'],
      ['mehmet.yilmaz@denhaag.example', 'GM0518'],
      ['lotte.visser@delft.example', 'GM0503'],
      ['ruben.dekker@westland.example', 'GM1783'],
      ['joost.vanleeuwen@rotterdam.example', 'GM0599'],
    ];
    for (const [email, code] of people) await createUser(t.db, { email, memberOf: { [code]: 'viewer' } });
  });
  after(() => t.close());

  it('seeds past, upcoming and full sessions with a waiting list, and projects, once', async () => {
    assert.equal((await seedDemoSessions(t.db)).created, 4);
    assert.ok((await seedDemoProjects(t.db)).created >= 12);
    assert.equal((await seedDemoSessions(t.db)).created, 0);
    assert.equal((await seedDemoProjects(t.db)).created, 0);
    const sessions = await t.db.select().from(knowledgeSessions);
    assert.ok(sessions.some((s) => s.endsAt < new Date()));
    const full = sessions.find((s) => s.capacity === 3);
    assert.ok(full);
    const registrations = (await t.db.select().from(sessionRegistrations)).filter(
      (r) => r.sessionId === full.id,
    );
    assert.equal(registrations.filter((r) => r.status === 'confirmed').length, 3);
    assert.equal(registrations.filter((r) => r.status === 'waiting').length, 2);
    assert.equal((await t.db.select().from(knowledgeProjects)).length, 12);
  });
});
