import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInAs, signedInWith } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { insertScan } from '../benchmark/benchmark.fixtures.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import { connectivityThemeId, scanAnswers } from '../scan/index.ts';
import { brigadeCases } from './intake.tables.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** A submitted scan whose connectivity questions were answered at the given levels. */
async function scanWithConnectivity(t: TestApp, code: string, userId: number, levels: number[]) {
  const scanId = await insertScan(t.db, { code, period: 2026, overall: 3 });
  const theme = getFramework(latestFrameworkVersion()).themes.find((th) => th.id === connectivityThemeId);
  if (!theme) throw new Error('no connectivity theme');
  await t.db.insert(scanAnswers).values(
    theme.questions.map((q, i) => ({
      scanId,
      userId,
      questionId: q.id,
      response: 'level' as const,
      currentLevel: levels[i] ?? 3,
      targetLevel: 4,
    })),
  );
  return { scanId, questions: theme.questions };
}

describe('a scan with low connectivity leads to the Brigade', () => {
  let t: TestApp;
  let editor: TestClient;
  let scan: Awaited<ReturnType<typeof scanWithConnectivity>>;
  before(async () => {
    t = await createTestApp();
    const signedIn = await signedInAs(t, 'GM0599', 'editor');
    editor = signedIn.client;
    scan = await scanWithConnectivity(t, 'GM0599', signedIn.user.id, [1, 2, 4, 3]);
  });
  after(() => t.close());

  it('offers the Brigade on the results page and the dashboard', async () => {
    const link = '/o/GM0599/brigade/new?from=scan';
    assert.ok(
      (await editor.get(`/o/GM0599/scans/${scan.scanId}/results`)).body.includes(link.replace('&', '&amp;')),
    );
    assert.ok((await editor.get('/o/GM0599')).body.includes(link));
  });

  it('pre-fills the question with the category and the low answers, and marks it for the coordinator', async () => {
    const form = decode(squash((await editor.get('/o/GM0599/brigade/new?from=scan')).body));
    assert.match(form, /name="category" value="agenda" checked/);
    const [low1, low2, high] = scan.questions;
    for (const [q, level] of [
      [low1, 1],
      [low2, 2],
    ] as const)
      assert.ok(
        form.includes(`${localise(q?.text ?? { nl: '', en: '' }, 'nl')} Niveau ${level} van 5.`),
        `answer at ${level}`,
      );
    assert.ok(high && !form.includes(localise(high.text, 'nl')), 'a question at level 4 is left out');
    assert.match(form, new RegExp(`name="sourceScan" value="${scan.scanId}"`));

    const body = {
      contactName: 'Noor Bakker',
      contactEmail: 'noor@rotterdam.example',
      contactPhone: '',
      category: 'agenda',
      description: 'Onze zelfscan scoort laag op connectiviteit.',
      urgency: 'normal',
      contactPreference: 'email',
      consent: 'yes',
      sourceScan: String(scan.scanId),
    };
    const sent = await editor.post('/o/GM0599/brigade', body, '/o/GM0599/brigade/new');
    assert.equal(sent.statusCode, 303);
    const forged = await editor.post(
      '/o/GM0599/brigade',
      { ...body, sourceScan: '999999' },
      '/o/GM0599/brigade/new',
    );
    assert.equal(forged.statusCode, 303);
    const stored = await t.db
      .select({ sourceScanId: brigadeCases.sourceScanId })
      .from(brigadeCases)
      .orderBy(brigadeCases.id);
    assert.deepEqual(
      stored.map((r) => r.sourceScanId),
      [scan.scanId, null],
      'only the own latest low scan can be named as the source',
    );
    const { client: coordinator } = await signedInWith(t, { coordinates: ['zuid-holland'] });
    const list = squash((await coordinator.get('/networks/zuid-holland/brigade')).body);
    assert.equal(list.match(/uit de zelfscan/g)?.length, 1);
  });

  it('offers nothing when connectivity is at level 3 or higher', async () => {
    const { client, user } = await signedInAs(t, 'GM0503', 'editor');
    await scanWithConnectivity(t, 'GM0503', user.id, [3, 4, 3, 5]);
    assert.ok(!(await client.get('/o/GM0503')).body.includes('from=scan'));
    const form = squash((await client.get('/o/GM0503/brigade/new?from=scan')).body);
    assert.doesNotMatch(form, /name="sourceScan"/);
  });
});
