import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createUser, organisationId } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { getFramework } from '../framework/index.ts';
import { findScan } from './scan.queries.ts';
import { resultsOf } from './scan-results.ts';
import { saveAnswers, submitScan } from './scan.service.ts';
import { scans, scanScores } from './scan.tables.ts';

const version = '2026.1';

describe('scan results', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A draft of GM0599 in which one respondent answered the first theme's questions at `level`. */
  async function draftWithAnswers(level: number) {
    const organisation = await organisationId(t.db, 'GM0599');
    const user = await createUser(t.db, { memberOf: { GM0599: 'editor' } });
    const [row] = await t.db
      .insert(scans)
      .values({ organisationId: organisation, frameworkVersion: version, period: 2026, title: 'Test' })
      .returning();
    if (!row) throw new Error('no scan');
    const theme = getFramework(version).themes[0];
    if (!theme) throw new Error('framework without themes');
    const inputs = theme.questions.map((q) => ({
      questionId: q.id,
      response: 'level' as const,
      currentLevel: level,
      targetLevel: 4,
      note: '',
      evidence: [],
    }));
    assert.deepEqual(await saveAnswers(t.db, row, user.id, inputs), { ok: true });
    return { scan: row, theme, user, organisation };
  }

  it('computes a draft from its answers', async () => {
    const { scan, theme } = await draftWithAnswers(2);
    const results = await resultsOf(t.db, scan);
    assert.equal(results.themes.find((s) => s.key === theme.id)?.score, 2);
    assert.equal(results.overall.score, 2);
  });

  it('reads a submitted scan’s stored scores, not its answers', async () => {
    const { scan, theme, user, organisation } = await draftWithAnswers(3);
    assert.equal((await submitScan(t.db, scan, user.id)).ok, true);
    // A stored figure that the answers would not give: only a read of the stored row returns it.
    await t.db
      .update(scanScores)
      .set({ score: 4.5 })
      .where(and(eq(scanScores.scanId, scan.id), eq(scanScores.kind, 'theme'), eq(scanScores.key, theme.id)));
    const submitted = await findScan(t.db, organisation, scan.id);
    assert.ok(submitted);
    const results = await resultsOf(t.db, submitted);
    assert.equal(results.themes.find((s) => s.key === theme.id)?.score, 4.5);
    assert.equal(results.overall.score, 3);
    assert.deepEqual(
      results.themes.map((s) => [s.key, s.pillar]),
      getFramework(version).themes.map((th) => [th.id, th.pillar]),
      'in the framework’s order, each theme with its pillar',
    );
  });
});
