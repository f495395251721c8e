import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { carriedQuestions, getFramework, type Framework } from '../framework/index.ts';
import { saveAnswers, scanRespondents, scans, submitScan } from '../scan/index.ts';
import { benchmarkPositionOf, loadScan } from './scan-document-data.ts';
import { benchmarkSection } from './scan-document.ts';

/**
 * The scan document's benchmark position across framework versions: the same hand-computed example
 * as the benchmark's (benchmark-versions.test.ts). Mapped questions at the given level, the others
 * at 5 (2026.1) or 1 (2026.2): overall on mapped questions 2, 2, 3, 4, 4 → median 3; Rotterdam 2.
 */
const v1 = getFramework('2026.1');
const v2 = getFramework('2026.2');
const kept = v2.mapping ? carriedQuestions(v2.mapping) : new Map();
const mappedBefore = new Set([...kept.values()].map((c: { from: string }) => c.from));
const questionIds = (f: Framework) => f.themes.flatMap((t) => t.questions.map((q) => q.id));

describe('the scan document’s benchmark across framework versions', () => {
  let t: TestApp;
  let rotterdamScan = 0;

  async function submitted(code: string, framework: Framework, mapped: number, other: number) {
    const { user } = await signedInAs(t, code, 'editor');
    const [scan] = await t.db
      .insert(scans)
      .values({
        organisationId: await organisationId(t.db, code),
        frameworkVersion: framework.version,
        period: 2026,
        title: 'Zelfscan',
      })
      .returning();
    if (!scan) throw new Error('no scan');
    await t.db.insert(scanRespondents).values({ scanId: scan.id, userId: user.id });
    const isMapped = (id: string) => (framework === v1 ? mappedBefore.has(id) : kept.has(id));
    const inputs = questionIds(framework).map((questionId) => ({
      questionId,
      response: 'level' as const,
      currentLevel: isMapped(questionId) ? mapped : other,
      targetLevel: 5,
      note: '',
      evidence: [],
    }));
    assert.deepEqual(await saveAnswers(t.db, scan, user.id, inputs), { ok: true });
    assert.equal((await submitScan(t.db, scan, user.id)).ok, true);
    return scan.id;
  }

  before(async () => {
    t = await createTestApp();
    rotterdamScan = await submitted('GM0599', v1, 2, 5);
    await submitted('GM0518', v1, 2, 5);
    await submitted('GM0503', v1, 3, 5);
    await submitted('GM0513', v2, 4, 1);
    await submitted('GM0637', v2, 4, 1);
  });
  after(() => t.close());

  it('sets the own scores beside the group on the mapped questions only, and says so', async () => {
    const rotterdam = await organisationId(t.db, 'GM0599');
    const scan = await loadScan(t.db, rotterdam, rotterdamScan);
    assert.ok(scan);
    assert.notEqual(scan.results.overall.score, 2, 'stored, with the unmapped answers, it differs');
    const position = await benchmarkPositionOf(t.db, rotterdam, scan, 'nl');
    assert.ok(position?.isShown);
    assert.deepEqual(position.acrossVersions, { versions: ['2026.1', '2026.2'], questions: kept.size });
    const [overall] = position.rows;
    assert.deepEqual(overall, { label: 'Alle thema’s', own: 2, median: 3, q1: 2, q3: 4 });
    assert.equal(position.rows.length, 1 + v2.pillars.length + v2.themes.length);
    const text = JSON.stringify(benchmarkSection('nl', position));
    assert.match(text, new RegExp(`alleen de ${kept.size} vragen die in die versies hetzelfde vragen`));
  });
});
