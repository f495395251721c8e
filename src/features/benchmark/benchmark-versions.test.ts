import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { carriedQuestions, getFramework, type Framework } from '../framework/index.ts';
import { saveAnswers, scanRespondents, scans, submitScan } from '../scan/index.ts';
import { trendOf } from './benchmark-trend.ts';
import { percentile } from './benchmark-versions.ts';
import { figuresOf, groupsOfPeriod } from './benchmark.service.ts';

/**
 * The benchmark across framework versions compares mapped questions only (issue #19, decision 0026).
 * Every scan answers the questions the mapping carries over at one level and every other question
 * at another; a figure that let an unmapped answer in would show the other level.
 *
 * Hand computation, period 2026, group "all" (five municipalities):
 *   on 2026.1: Rotterdam 2, Den Haag 2, Delft 3 (their unmapped questions at 5)
 *   on 2026.2: Gouda 4, Zoetermeer 4 (their new questions at 1)
 *   overall on the mapped questions: 2, 2, 3, 4, 4 → q1 2, median 3, q3 4.
 * Period 2025, all five on 2026.1 at 1 on mapped questions (5 elsewhere): median 1 on the trend.
 * Rotterdam's own overall score beside the 2026 figures: 2 (stored, with the 5s, it would be higher).
 */
const v1 = getFramework('2026.1');
const v2 = getFramework('2026.2');
const mapping = v2.mapping;
if (!mapping) throw new Error('2026.2 has no mapping from 2026.1');
const kept = carriedQuestions(mapping);
const mappedBefore = new Set([...kept.values()].map((c) => c.from));
const mappedAfter = new Set(kept.keys());
const questionIds = (f: Framework) => f.themes.flatMap((t) => t.questions.map((q) => q.id));

describe('benchmark figures across framework versions', () => {
  let t: TestApp;

  async function submitted(
    code: string,
    framework: Framework,
    period: number,
    mapped: number,
    other: number,
  ) {
    const organisation = await organisationId(t.db, code);
    const { user } = await signedInAs(t, code, 'editor');
    const [scan] = await t.db
      .insert(scans)
      .values({
        organisationId: organisation,
        frameworkVersion: framework.version,
        period,
        title: 'Zelfscan',
      })
      .returning();
    if (!scan) throw new Error('no scan');
    await t.db.insert(scanRespondents).values({ scanId: scan.id, userId: user.id });
    const isMapped = framework === v1 ? mappedBefore : mappedAfter;
    const inputs = questionIds(framework).map((questionId) => ({
      questionId,
      response: 'level' as const,
      currentLevel: isMapped.has(questionId) ? mapped : other,
      targetLevel: 5,
      note: '',
      evidence: [],
    }));
    assert.deepEqual(await saveAnswers(t.db, scan, user.id, inputs), { ok: true });
    assert.equal((await submitScan(t.db, scan, user.id)).ok, true);
  }

  before(async () => {
    t = await createTestApp();
    for (const code of ['GM0599', 'GM0518', 'GM0503', 'GM0513', 'GM0637'])
      await submitted(code, v1, 2025, 1, 5);
    await submitted('GM0599', v1, 2026, 2, 5);
    await submitted('GM0518', v1, 2026, 2, 5);
    await submitted('GM0503', v1, 2026, 3, 5);
    await submitted('GM0513', v2, 2026, 4, 1);
    await submitted('GM0637', v2, 2026, 4, 1);
  });
  after(() => t.close());

  it('has questions on both sides that the mapping does not carry, so mixing would show', () => {
    assert.ok(kept.size > 0);
    assert.ok(questionIds(v1).some((id) => !mappedBefore.has(id)));
    assert.ok(questionIds(v2).some((id) => !mappedAfter.has(id)));
  });

  it('interpolates quartiles as the database does', () => {
    assert.equal(percentile([2, 2, 3, 4, 4], 0.25), 2);
    assert.equal(percentile([2, 2, 3, 4, 4], 0.5), 3);
    assert.equal(percentile([1, 2, 4, 8], 0.25), 1.75);
  });

  it('computes a mixed period on the mapped questions only, and says on which versions and how many', async () => {
    const figures = await figuresOf(t.db, await groupsOfPeriod(t.db, 2026), 'all');
    assert.ok(figures.isShown);
    assert.deepEqual(figures.acrossVersions, { versions: ['2026.1', '2026.2'], questions: kept.size });
    const overall = figures.statistics.find((s) => s.kind === 'overall');
    assert.deepEqual(overall, { kind: 'overall', key: 'all', count: 5, q1: 2, median: 3, q3: 4 });
    for (const s of figures.statistics) assert.ok(s.median >= 2 && s.median <= 4, `${s.kind} ${s.key}`);
  });

  it('leaves a period on one version as stored, unless compared with another version', async () => {
    const groups = await groupsOfPeriod(t.db, 2025);
    const alone = await figuresOf(t.db, groups, 'all');
    assert.ok(alone.isShown);
    assert.equal(alone.acrossVersions, undefined);
    // Stored: mapped questions at 1, the others at 5, so the overall lies between.
    const stored = alone.statistics.find((s) => s.kind === 'overall')?.median ?? 0;
    assert.ok(stored > 1 && stored < 5, String(stored));
    const compared = await figuresOf(t.db, groups, 'all', ['2026.2']);
    assert.ok(compared.isShown);
    assert.equal(compared.statistics.find((s) => s.kind === 'overall')?.median, 1);
  });

  it('draws the trend on the same mapped questions in every year', async () => {
    const trend = await trendOf(t.db, 'all');
    assert.deepEqual(
      trend.map((p) => [p.period, p.median]),
      [
        [2025, 1],
        [2026, 3],
      ],
    );
    assert.ok(trend.every((p) => p.acrossVersions?.questions === kept.size));
  });

  for (const [locale, note, own] of [
    [
      'nl',
      /versie 2026\.1 en 2026\.2 van het raamwerk/,
      'Uw totaalscore is 2,0; de mediaan van de groep is 3,0.',
    ],
    [
      'en',
      /version 2026\.1 and 2026\.2 of the framework/,
      'Your overall score is 2.0; the median of the group is 3.0.',
    ],
  ] as const) {
    it(`shows the note and the own score on the same questions (${locale})`, async () => {
      const { client } = await signedInAs(t, 'GM0599', 'viewer');
      const page = await client.request('GET', '/o/GM0599/benchmark?period=2026&group=all', undefined, {
        cookie: `${client.cookieHeader}; rk_lang=${locale}`,
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, note);
      assert.ok(page.body.includes(String(kept.size)), 'the number of compared questions');
      assert.ok(page.body.includes(own), own);
      // One note beside the figures, one above the trend.
      assert.equal(page.body.match(/data-across-versions="2026\.1 2026\.2"/g)?.length, 2);
    });
  }

  it('draws the network workspace trend on the mapped questions in every year, and says so', async () => {
    const { client } = await signedInWith(t, { coordinates: ['zuid-holland'] });
    const page = await client.get('/networks/zuid-holland');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-across-versions="2026\.1 2026\.2"/);
    assert.ok(page.body.includes(`alleen de ${kept.size} vragen die in die versies hetzelfde vragen`));
    // The overall row of the trend: 2025 median 1 (stored it would lie between 1 and 5), 2026 median 3.
    const row = page.body.slice(page.body.indexOf('>Totaal</th>'));
    const cells = [...row.slice(0, row.indexOf('</tr>')).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    );
    assert.match(cells[0] ?? '', /^1,0\b/);
    assert.match(cells[1] ?? '', /^3,0\b/);
  });
});
