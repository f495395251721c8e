import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { carriedQuestions, getFramework, type Framework } from '../framework/index.ts';
import { carriedAnswers } from './scan-carry-over.ts';
import { findScan, type ScanRow } from './scan.queries.ts';
import { comparisonWith } from './scan-results.ts';
import { saveAnswers, submitScan } from './scan.service.ts';
import { scanRespondents, scans } from './scan.tables.ts';

/** A 2026.1 scan's trend continues on 2026.2: answers carry over, results compare on mapped questions. */
const previousVersion = getFramework('2026.1');
const nextVersion = getFramework('2026.2');
const mapping = nextVersion.mapping;
const questionIds = (framework: Framework) => framework.themes.flatMap((t) => t.questions.map((q) => q.id));

describe('carrying a 2026.1 scan over to 2026.2', () => {
  let t: TestApp;
  let client: TestClient;
  let userId: number;
  let organisation: number;
  let earlier: ScanRow;
  let later: ScanRow;

  async function scanOn(framework: Framework, period: number) {
    const [row] = await t.db
      .insert(scans)
      .values({
        organisationId: organisation,
        frameworkVersion: framework.version,
        period,
        title: `Zelfscan ${period}`,
      })
      .returning();
    if (!row) throw new Error('no scan');
    await t.db.insert(scanRespondents).values({ scanId: row.id, userId });
    return row;
  }

  async function answerAll(scan: ScanRow, framework: Framework, levelOf: (questionId: string) => number) {
    const inputs = questionIds(framework).map((questionId) => ({
      questionId,
      response: 'level' as const,
      currentLevel: levelOf(questionId),
      targetLevel: 4,
      note: '',
      evidence: [],
    }));
    assert.deepEqual(await saveAnswers(t.db, scan, userId, inputs), { ok: true });
  }

  before(async () => {
    t = await createTestApp();
    organisation = await organisationId(t.db, 'GM0599');
    const signedIn = await signedInAs(t, 'GM0599', 'editor');
    client = signedIn.client;
    userId = signedIn.user.id;
    earlier = await scanOn(previousVersion, 2026);
    await answerAll(earlier, previousVersion, () => 2);
    assert.equal((await submitScan(t.db, earlier, userId)).ok, true);
    later = await scanOn(nextVersion, 2027);
  });
  after(() => t.close());

  it('offers the last 2026.1 answer for every same or reworded question, and none for new ones', async () => {
    assert.ok(mapping);
    const kept = carriedQuestions(mapping);
    const carried = await carriedAnswers(t.db, later);
    assert.equal(carried.size, kept.size);
    for (const [id, answer] of carried) {
      assert.equal(answer.currentLevel, 2, id);
      assert.equal(answer.from.id, earlier.id);
      assert.equal(answer.reworded, mapping.questions[kept.get(id)?.from ?? '']?.kind === 'reworded', id);
    }
    for (const id of mapping.new) assert.equal(carried.has(id), false, id);
    assert.equal(carried.get('services-and-innovation.living-environment-data')?.reworded, true);
  });

  it('shows the carried answer checked and marked for review, and an addition with its link', async () => {
    const page = await client.get(`/o/GM0599/scans/${later.id}/answer/digital-strategy`);
    assert.equal(page.statusCode, 200);
    const block = (id: string) => page.body.split(`data-question="${id}"`)[1]?.split('</section>')[0] ?? '';
    const steering = block('digital-strategy.data-driven-steering');
    assert.match(steering, new RegExp(`data-carried-from="${earlier.id}"`));
    assert.match(steering, /Overgenomen uit Zelfscan 2026 \(2026, [^)]*2026\.1\)/);
    assert.match(steering, /anders geformuleerd/);
    assert.match(steering, /value="2"\s+checked/);
    const roadmap = block('digital-strategy.roadmap');
    assert.match(roadmap, /data-carried-from/);
    assert.doesNotMatch(roadmap, /anders geformuleerd/, 'same question: no rewording note');
    assert.doesNotMatch(
      block('digital-strategy.measurement-use'),
      /data-carried-from/,
      'new: nothing carried',
    );
    assert.match(
      block('digital-strategy.national-alignment'),
      /Aanvulling:\s*<a class="utrecht-link" href="https:\/\/www\.digitaleoverheid\.nl\/nl-digibeleid\/">/,
    );
    assert.match(block('digital-strategy.roadmap'), /Bron in de handreiking: Pijler 1/);
  });

  it('compares the 2026.2 results with 2026.1 on the mapped questions only, and says so', async () => {
    assert.ok(mapping);
    // The kept questions one level up, the new ones at 5: a comparison that counted them would show more.
    const kept = carriedQuestions(mapping);
    await answerAll(later, nextVersion, (id) => (kept.has(id) ? 3 : 5));
    assert.equal((await submitScan(t.db, later, userId)).ok, true);
    const submitted = await findScan(t.db, organisation, later.id);
    assert.ok(submitted);
    const comparison = await comparisonWith(t.db, submitted, earlier);
    assert.deepEqual(comparison?.acrossVersions, { from: '2026.1', to: '2026.2', questions: kept.size });
    for (const theme of nextVersion.themes) {
      assert.equal(comparison.results.themes.find((s) => s.key === theme.id)?.score, 2, theme.id);
      assert.equal(comparison.current?.themes.find((s) => s.key === theme.id)?.score, 3, theme.id);
    }
    assert.equal(comparison.current?.overall.score, 3);

    const page = await client.get(`/o/GM0599/scans/${later.id}/results`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`data-compared-on="${kept.size}"`));
    assert.match(
      page.body,
      new RegExp(`alleen de ${kept.size} vragen die in beide versies hetzelfde vragen`),
    );
  });
});
